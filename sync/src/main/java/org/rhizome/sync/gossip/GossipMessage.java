package org.rhizome.sync.gossip;

import java.util.Arrays;
import java.util.HexFormat;
import org.rhizome.sync.peer.PeerId;

/**
 * A message whose StrictSign signature verified. Immutable.
 *
 * @param author who signed it ({@code from})
 * @param receivedFrom the peer that handed it to us (the author or a relay)
 * @param seqno the author's sequence number
 * @param id the message id (js-libp2p's default: author key ‖ seqno)
 */
public record GossipMessage(
    String topic, byte[] data, PeerId author, PeerId receivedFrom, long seqno, byte[] id) {
  public GossipMessage {
    data = data.clone();
    id = id.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public byte[] id() {
    return id.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GossipMessage m && Arrays.equals(id, m.id) && topic.equals(m.topic);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(id);
  }

  @Override
  public String toString() {
    return "GossipMessage["
        + topic
        + " from "
        + author
        + " seqno "
        + seqno
        + ", "
        + data.length
        + " bytes, id "
        + HexFormat.of().formatHex(id, Math.max(0, id.length - 8), id.length)
        + "]";
  }
}
