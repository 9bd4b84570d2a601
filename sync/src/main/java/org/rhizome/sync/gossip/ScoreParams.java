package org.rhizome.sync.gossip;

/**
 * A reduced GossipSub v1.1 peer score (gossipsub-v1.1.md#peer-scoring): P2 first deliveries
 * (capped, positive), P4 invalid messages (squared, negative: bad signatures and application
 * REJECTs) and P7 behaviour penalty (squared, negative: GRAFT during backoff, PRUNEd-for-backoff
 * peers that insist). Counters decay by a factor each heartbeat. Thresholds are js-libp2p's
 * defaults. Immutable.
 *
 * @param firstDeliveryWeight P2 weight
 * @param firstDeliveryCap P2 counter cap
 * @param invalidWeight P4 weight (negative), times the counter squared
 * @param behaviourWeight P7 weight (negative), times the counter squared
 * @param decay factor applied to every counter at each heartbeat (0–1)
 * @param gossipThreshold below it: no IHAVE/IWANT exchanged with the peer
 * @param publishThreshold below it: our own messages are not flood-published to the peer
 * @param graylistThreshold below it: the peer's RPCs are ignored
 */
public record ScoreParams(
    double firstDeliveryWeight,
    double firstDeliveryCap,
    double invalidWeight,
    double behaviourWeight,
    double decay,
    double gossipThreshold,
    double publishThreshold,
    double graylistThreshold) {

  public ScoreParams {
    if (invalidWeight > 0
        || behaviourWeight > 0
        || decay <= 0
        || decay >= 1
        || !(graylistThreshold <= publishThreshold
            && publishThreshold <= gossipThreshold
            && gossipThreshold <= 0)) {
      throw new IllegalArgumentException("inconsistent score parameters");
    }
  }

  /**
   * One invalid message costs a peer its mesh place, three graylist it for a few seconds; good
   * traffic earns at most +10.
   */
  public static ScoreParams defaults() {
    return new ScoreParams(1, 10, -10, -10, 0.99, -10, -50, -80);
  }
}
