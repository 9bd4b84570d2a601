package org.rhizome.sync.gossip;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.rhizome.sync.peer.PeerId;

/**
 * GossipSub v1.1 (with v1.0 fallback) publish/subscribe. Thread-safe: every call is handed to the
 * single {@code rhizome-gossip} thread, which owns all pubsub state and runs validators and
 * handlers.
 */
public interface PubSub {
  /**
   * Joins {@code topic}: tells peers, builds a mesh, and from then on passes each new message that
   * {@code validator} accepts to {@code handler} (both on the gossip thread). One subscription per
   * topic; a second replaces the first.
   */
  Subscription subscribe(String topic, MessageValidator validator, Consumer<GossipMessage> handler);

  /**
   * Signs and sends {@code data} to the topic's peers (all subscribers with flood publishing, else
   * the mesh or fanout). Completes with the message id once handed to the connections.
   *
   * @throws IllegalArgumentException (in the future) if data exceeds the configured maximum
   */
  CompletableFuture<byte[]> publish(String topic, byte[] data);

  /** Peers that told us they subscribe to {@code topic}. */
  CompletableFuture<Set<PeerId>> topicPeers(String topic);

  /** Each gossip peer's current score (see {@link ScoreParams}). */
  CompletableFuture<java.util.Map<PeerId, Double>> peerScores();

  /** Our mesh peers for {@code topic}. */
  CompletableFuture<Set<PeerId>> meshPeers(String topic);

  /**
   * Tells {@code listener} (on the gossip thread) whenever a peer announces that it joined or left
   * a topic.
   */
  void addSubscriptionListener(SubscriptionListener listener);

  /** A peer joined or left a topic. */
  @FunctionalInterface
  interface SubscriptionListener {
    void onSubscriptionChange(PeerId peer, String topic, boolean subscribed);
  }

  /** Leaves a topic; see {@link #subscribe}. */
  interface Subscription extends AutoCloseable {
    String topic();

    @Override
    void close();
  }
}
