package org.rhizome.sync.replication;

import org.rhizome.graph.api.ApplyResult;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.replication.catchup.PullSummary;

/**
 * What happens in a workspace's sync, for logs and the UI. Called on sync threads: return quickly.
 */
public interface SyncListener {
  default void onPeerConnected(PeerId peer, Multiaddr address) {}

  default void onPeerDisconnected(PeerId peer) {}

  /** A catch-up pull from {@code peer} finished. */
  default void onPulled(PeerId peer, PullSummary summary, long millis) {}

  /** A pull from {@code peer} failed (it is retried on the next trigger). */
  default void onPullFailed(PeerId peer, String reason) {}

  /** A change from {@code peer} was refused for good (it is not forwarded). */
  default void onRefused(PeerId peer, ApplyResult result) {}

  /** Changes arrived live and were applied. */
  default void onLiveApplied(PeerId from, int changes) {}

  /** This device, joining with an invite, is now a member. */
  default void onJoined() {}

  /** The pending invite cannot be used (expired or revoked). */
  default void onJoinFailed(String reason) {}
}
