package org.rhizome.graph;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.text.TextChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's change feed: hands each commit (local, remote, another process's) to the
 * subscribers on the {@code rhizome-events} thread, and while anyone listens looks for other
 * processes' commits every {@link Workspace#FOREIGN_POLL_MILLIS} ms.
 */
final class ChangeFeed {
  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  private final ExecutorService events =
      Executors.newSingleThreadExecutor(Futures.named("rhizome-events", true));
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  /** Set once the store is open; commits reported before then cannot happen. */
  private volatile @Nullable GraphStore store;

  private volatile @Nullable ActorId self;

  /** Polls for other processes' commits once someone subscribes; guarded by {@code this}. */
  private @Nullable ScheduledExecutorService foreignWatch;

  void attach(GraphStore store, ActorId self) {
    this.store = store;
    this.self = self;
  }

  AutoCloseable subscribe(ChangeListener listener) {
    listeners.add(listener);
    startForeignWatch();
    return () -> listeners.remove(listener);
  }

  /**
   * An engine part's own listener (e.g. private notes' key wraps for a new device): told of every
   * commit like a subscriber, without starting the watch for other processes' commits.
   */
  void listen(ChangeListener listener) {
    listeners.add(listener);
  }

  private synchronized void startForeignWatch() {
    if (foreignWatch == null && !events.isShutdown()) {
      foreignWatch =
          Executors.newSingleThreadScheduledExecutor(Futures.named("rhizome-foreign-watch", true));
      foreignWatch.scheduleWithFixedDelay(
          () -> {
            try {
              if (!listeners.isEmpty()) {
                checkForeignCommits();
              }
            } catch (RuntimeException e) {
              log.warn(
                  "checking for other processes' commits failed",
                  e); // and the next check tries again
            }
          },
          Workspace.FOREIGN_POLL_MILLIS,
          Workspace.FOREIGN_POLL_MILLIS,
          TimeUnit.MILLISECONDS);
    }
  }

  void checkForeignCommits() {
    GraphStore s = store;
    if (s != null) {
      s.checkForeignCommits();
    }
  }

  /** The store's commit listener. */
  void committed(List<Change> changes, List<TextChange> texts, boolean otherProcess) {
    ActorId me = self;
    boolean local = changes.stream().allMatch(ch -> ch.actor().equals(me));
    ChangeEvent event = new ChangeEvent(changes, local, texts, otherProcess);
    events.execute(
        () -> {
          for (ChangeListener l : listeners) {
            try {
              l.onChanges(event);
            } catch (RuntimeException e) {
              log.error("a change listener failed", e);
            }
          }
        });
  }

  /** Stops looking for other processes' commits (before the store closes). */
  synchronized void stopWatching() {
    if (foreignWatch != null) {
      foreignWatch.shutdownNow();
    }
  }

  /** Delivers what is queued (up to a few seconds), then stops the events thread. */
  void close() {
    events.shutdown();
    try {
      events.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
