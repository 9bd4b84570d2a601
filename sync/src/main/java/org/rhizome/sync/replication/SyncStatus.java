package org.rhizome.sync.replication;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;

/**
 * A snapshot of a workspace's sync.
 *
 * @param lastSyncMillis when a pull last finished or a live change last arrived (Unix ms); 0 if
 *     never
 * @param refused changes refused for good, each counted once however often peers offer it again
 * @param lastRefusal the reason of the latest refusal ("TOO_LARGE: …"), or null if none
 */
public record SyncStatus(
    PeerId peerId,
    List<Multiaddr> listenAddresses,
    String topic,
    List<ConnectedPeer> peers,
    long lastSyncMillis,
    long liveApplied,
    long pulledApplied,
    long refused,
    @Nullable String lastRefusal) {

  public SyncStatus {
    listenAddresses = List.copyOf(listenAddresses);
    peers = List.copyOf(peers);
  }

  /** A connected peer: its id, the address of one connection, and what it says it runs. */
  public record ConnectedPeer(PeerId peer, @Nullable Multiaddr address, String agent) {}
}
