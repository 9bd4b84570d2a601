package org.rhizome.sync.gossip.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.gossip.ScoreParams;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.MuxedStream;

/** What the router knows about one connected peer. Confined to the gossip thread. */
final class GossipPeer {
  static final int MAX_PENDING_FRAMES = 1024;
  static final int MAX_TOPICS = 1000;
  static final int MAX_DONT_WANT = 10_000;

  final PeerId id;
  final Set<String> topics = new HashSet<>();

  /** Topic → time (ms) before which we must not graft the peer again. */
  final Map<String, Long> backoffUntil = new HashMap<>();

  final ArrayDeque<byte[]> pending = new ArrayDeque<>();
  @Nullable MuxedStream outbound;

  /**
   * The stream the peer sends its RPCs on; a newer one replaces (and resets) it, as in js-libp2p.
   */
  @Nullable MuxedStream inbound;

  String protocol = "";
  boolean opening;
  boolean supportsGossip;

  /** We dialed the peer (counts toward the outbound mesh quota D_out). */
  boolean outboundConnection;

  /** Earliest time (ms) to try again to open our stream after it was lost or refused. */
  long reopenAfter;

  int iwantBudget;

  /** v1.2 IDONTWANT: ids the peer told us it has, with when it told us. */
  final java.util.LinkedHashMap<MessageKey, Long> dontWant = new java.util.LinkedHashMap<>();

  /** P2: first deliveries of valid messages. */
  double firstDeliveries;

  /** P4: invalid messages (bad signature, application REJECT). */
  double invalid;

  /** P7: protocol misbehaviour (GRAFT during backoff). */
  double behaviour;

  GossipPeer(PeerId id, int iwantBudget) {
    this.id = id;
    this.iwantBudget = iwantBudget;
  }

  double score(ScoreParams p) {
    return p.firstDeliveryWeight() * Math.min(firstDeliveries, p.firstDeliveryCap())
        + p.invalidWeight() * invalid * invalid
        + p.behaviourWeight() * behaviour * behaviour;
  }

  void decay(ScoreParams p) {
    firstDeliveries = settle(firstDeliveries * p.decay());
    invalid = settle(invalid * p.decay());
    behaviour = settle(behaviour * p.decay());
  }

  private static double settle(double v) {
    return v < 0.01 ? 0 : v;
  }

  void dontWant(MessageKey id, long now) {
    if (dontWant.size() >= MAX_DONT_WANT) {
      var it = dontWant.keySet().iterator();
      it.next();
      it.remove();
    }
    dontWant.put(id, now);
  }

  boolean supportsIdontwant() {
    return protocol.equals(GossipRouter.MESHSUB_1_2);
  }

  boolean isBackedOff(String topic, long now) {
    Long until = backoffUntil.get(topic);
    return until != null && until > now;
  }
}
