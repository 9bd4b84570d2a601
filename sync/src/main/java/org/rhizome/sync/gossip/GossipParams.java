package org.rhizome.sync.gossip;

import java.time.Duration;

/**
 * GossipSub v1.1 router parameters (specs/pubsub/gossipsub/gossipsub-v1.0.md#parameters and v1.1).
 * The defaults are the spec's and js-libp2p's. Immutable.
 *
 * @param d desired mesh degree
 * @param dLow graft below this
 * @param dHigh prune above this
 * @param dOut outbound-connection peers the mesh keeps at least (v1.1 outbound mesh quota)
 * @param dLazy peers to gossip IHAVE to per heartbeat
 * @param gossipFactor share of non-mesh peers that get gossip, if more than dLazy
 * @param heartbeat heartbeat interval
 * @param historyLength message-cache windows kept
 * @param historyGossip windows advertised in IHAVE
 * @param fanoutTtl fanout entries expire after this without publishing
 * @param seenTtl how long a message id is remembered as seen
 * @param pruneBackoff how long a pruned peer must wait before grafting again
 * @param maxMessageSize largest {@code data} accepted or published
 * @param maxRpcSize largest RPC frame read (js's limit: 4 MiB)
 * @param maxIhaveLength most message ids taken from one peer's IHAVEs per heartbeat
 * @param floodPublish publish our own messages to every subscribed peer, not only the mesh
 * @param maxQueuedBytesPerPeer outbound backlog per peer above which RPCs to it are dropped
 * @param score the peer score's weights and thresholds
 */
public record GossipParams(
    int d,
    int dLow,
    int dHigh,
    int dOut,
    int dLazy,
    double gossipFactor,
    Duration heartbeat,
    int historyLength,
    int historyGossip,
    Duration fanoutTtl,
    Duration seenTtl,
    Duration pruneBackoff,
    int maxMessageSize,
    int maxRpcSize,
    int maxIhaveLength,
    boolean floodPublish,
    long maxQueuedBytesPerPeer,
    ScoreParams score) {

  public GossipParams {
    if (!(dLow <= d && d <= dHigh)
        || dLow < 1
        || dOut < 0
        || dOut >= dLow
        || dOut > d / 2
        || dLazy < 0
        || historyGossip > historyLength
        || maxMessageSize > maxRpcSize) {
      throw new IllegalArgumentException("inconsistent gossip parameters");
    }
  }

  public static GossipParams defaults() {
    return new GossipParams(
        6,
        4,
        12,
        2,
        6,
        0.25,
        Duration.ofSeconds(1),
        5,
        3,
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Duration.ofSeconds(60),
        1024 * 1024,
        4 * 1024 * 1024,
        5000,
        true,
        32L * 1024 * 1024,
        ScoreParams.defaults());
  }

  public GossipParams withHeartbeat(Duration interval) {
    return new GossipParams(
        d,
        dLow,
        dHigh,
        dOut,
        dLazy,
        gossipFactor,
        interval,
        historyLength,
        historyGossip,
        fanoutTtl,
        seenTtl,
        pruneBackoff,
        maxMessageSize,
        maxRpcSize,
        maxIhaveLength,
        floodPublish,
        maxQueuedBytesPerPeer,
        score);
  }

  public GossipParams withMaxMessageSize(int bytes) {
    return new GossipParams(
        d,
        dLow,
        dHigh,
        dOut,
        dLazy,
        gossipFactor,
        heartbeat,
        historyLength,
        historyGossip,
        fanoutTtl,
        seenTtl,
        pruneBackoff,
        bytes,
        maxRpcSize,
        maxIhaveLength,
        floodPublish,
        maxQueuedBytesPerPeer,
        score);
  }
}
