package org.rhizome.sync.replication.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * <p>Changes go out as {@link LiveBundle}s, in commit order, one bundle in flight at a time: a
 * commit of many changes (an import, a paste) is one message, and while one message is being signed
 * and handed to the connections the next commits gather into the following one — group commit for
 * gossip, with no waiting when edits come one by one.
 *
 * <p>Also relays a few changes a pull just brought, for peers that did not pull them themselves.
 */
public final class LivePublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);

  /** Larger changes are left to catch-up (a bundle of one must fit GossipSub's limit). */
  static final int MAX_LIVE_BYTES = LiveBundle.MAX_BYTES - 8;

  /**
   * A pull that brought more than this is not relayed: the other peers' own pulls are cheaper than
   * a flood.
   */
  static final int MAX_RELAYED_PER_BATCH = 200;

  /**
   * Bytes waiting to be published beyond which new changes are left to catch-up (only when gossip
   * cannot keep up, e.g. no CPU for the signing thread): the queue never grows without bound.
   */
  static final long MAX_QUEUED_BYTES = 64L << 20;

  private final PubSub pubsub;
  private final String topic;
  private final ActorId self;
  private final AutoCloseable feed;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean inFlight;
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
    List<byte[]> mine = new ArrayList<>(event.changes().size());
    for (Change change : event.changes()) {
      if (change.actor().equals(self) && change.encodedLength() <= MAX_LIVE_BYTES) {
        mine.add(change.encoded());
      }
    }
    enqueue(mine);
  }

  /**
   * Passes on, live, the changes a pull just applied here (unless there are many: see {@link
   * #MAX_RELAYED_PER_BATCH}).
   */
  public void relay(List<byte[]> newlyApplied) {
    if (closed || newlyApplied.size() > MAX_RELAYED_PER_BATCH) {
      return;
    }
    List<byte[]> small = new ArrayList<>(newlyApplied.size());
    for (byte[] change : newlyApplied) {
      if (change.length <= MAX_LIVE_BYTES) {
        small.add(change);
      }
    }
    enqueue(small);
  }

  private void enqueue(List<byte[]> changes) {
    if (changes.isEmpty()) {
      return;
    }
    synchronized (this) {
      for (byte[] c : changes) {
        if (queuedBytes + c.length > MAX_QUEUED_BYTES) {
          log.debug("gossip is behind; {} changes are left to catch-up", changes.size());
          break;
        }
        queue.add(c);
        queuedBytes += c.length;
      }
      if (inFlight) {
        return; // the publish under way sends these next
      }
      inFlight = true;
    }
    publishNext();
  }

  /** Publishes what is queued as one bundle, then (when it is handed over) the next. */
  private void publishNext() {
    List<byte[]> bundle = new ArrayList<>();
    synchronized (this) {
      long size = 0;
      while (!queue.isEmpty() && bundle.size() < LiveBundle.MAX_CHANGES) {
        int next = LiveBundle.sizeOf(queue.peek());
        if (!bundle.isEmpty() && size + next > LiveBundle.MAX_BYTES) {
          break;
        }
        byte[] c = queue.poll();
        queuedBytes -= c.length;
        bundle.add(c);
        size += next;
      }
      if (bundle.isEmpty() || closed) {
        queue.clear();
        queuedBytes = 0;
        inFlight = false;
        return;
      }
    }
    try {
      pubsub
          .publish(topic, LiveBundle.encode(bundle))
          .whenComplete(
              (id, error) -> {
                if (error != null && !closed) {
                  log.debug(
                      "publishing {} changes failed (peers get them by their next pull): {}",
                      bundle.size(),
                      error.getMessage());
                }
                publishNext();
              });
    } catch (RuntimeException e) {
      log.debug("publishing {} changes failed: {}", bundle.size(), e.getMessage());
      publishNext();
    }
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
