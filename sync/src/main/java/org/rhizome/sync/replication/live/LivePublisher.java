package org.rhizome.sync.replication.live;

import java.util.List;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.Replica;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.ActorId;
import org.rhizome.sync.gossip.PubSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts this device's changes on the workspace's GossipSub topic as the workspace's change feed
 * reports them committed — by this process, or by another process on the same file (the CLI), which
 * the feed notices by SQLite's data_version. The feed hands the changes' stored bytes, so nothing
 * is read back from the log or decoded again. What the feed misses (changes committed before sync
 * started, a change too large to gossip) reaches peers by their next catch-up pull.
 *
 * <p>Also relays a few changes a pull just brought, for peers that did not pull them themselves.
 */
public final class LivePublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);

  /** Larger changes are left to catch-up (gossip messages stay small). */
  static final int MAX_LIVE_BYTES = 1 << 20;

  /**
   * A pull that brought more than this is not relayed: the other peers' own pulls are cheaper than
   * a flood.
   */
  static final int MAX_RELAYED_PER_BATCH = 200;

  private final PubSub pubsub;
  private final String topic;
  private final ActorId self;
  private final AutoCloseable feed;
  private volatile boolean closed;

  public LivePublisher(Replica workspace, PubSub pubsub, String topic) {
    this.pubsub = pubsub;
    this.topic = topic;
    this.self = workspace.actor();
    this.feed = workspace.subscribe(this::onCommitted);
  }

  /**
   * On the feed's thread, in commit order; publishing only hands the bytes to the gossip thread.
   */
  private void onCommitted(ChangeEvent event) {
    if (closed) {
      return;
    }
    for (Change change : event.changes()) {
      if (change.actor().equals(self) && change.encodedLength() <= MAX_LIVE_BYTES) {
        publish(change.encoded());
      }
    }
  }

  /**
   * Passes on, live, the changes a pull just applied here (unless there are many: see {@link
   * #MAX_RELAYED_PER_BATCH}).
   */
  public void relay(List<byte[]> newlyApplied) {
    if (closed || newlyApplied.size() > MAX_RELAYED_PER_BATCH) {
      return;
    }
    for (byte[] change : newlyApplied) {
      if (change.length <= MAX_LIVE_BYTES) {
        publish(change);
      }
    }
  }

  private void publish(byte[] change) {
    pubsub
        .publish(topic, change)
        .whenComplete(
            (id, error) -> {
              if (error != null && !closed) {
                log.debug(
                    "publishing a change failed (peers get it by their next pull): {}",
                    error.getMessage());
              }
            });
  }

  @Override
  public void close() {
    closed = true;
    try {
      feed.close();
    } catch (Exception e) {
      log.debug("unsubscribing from the change feed failed", e);
    }
  }
}
