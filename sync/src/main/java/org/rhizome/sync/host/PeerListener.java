package org.rhizome.sync.host;

import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.IdentifyInfo;

/**
 * Connection events. Called on the host's single event thread ({@code rhizome-p2p-events}), in
 * order for each peer; must not block for long.
 */
public interface PeerListener {
  /** A connection to {@code peer} finished its upgrade (there may be several per peer). */
  default void onConnected(PeerId peer, Multiaddr address, Direction direction) {}

  /** The peer answered identify. */
  default void onIdentified(PeerId peer, IdentifyInfo info) {}

  /** The last connection to {@code peer} closed. */
  default void onDisconnected(PeerId peer) {}
}
