package org.rhizome.ui.peers;

import org.rhizome.sync.peer.PeerId;

/**
 * A peer seen since the window opened.
 *
 * @param name the member name of its device, or "" when it is not (yet) a known member
 * @param agent what it says it runs ("" until identified)
 * @param connected whether it is connected now
 * @param lastSeenMillis when it connected or was last seen connected (Unix ms)
 */
public record PeerRow(
    PeerId peer, String name, String agent, boolean connected, long lastSeenMillis) {
  /** The start of the peer id: enough to tell peers apart by eye. */
  public String shortId() {
    String id = peer.toBase58();
    return id.length() <= 12 ? id : "…" + id.substring(id.length() - 10);
  }
}
