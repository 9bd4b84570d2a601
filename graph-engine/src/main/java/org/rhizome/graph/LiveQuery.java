package org.rhizome.graph;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query kept up to date: it runs once at once, then again after every batch of committed changes
 * (local or from a peer) that the workspace's change feed reports, on its own thread. Changes that
 * arrive while a run is under way are coalesced into one more run. The consumer hears a result only
 * when it differs from the last one, so a view re-renders only when a change affected it.
 * JavaFX-free: a view hands results to its UI thread itself.
 */
public final class LiveQuery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveQuery.class);

  /** What a live query reports: a new result, or why it cannot run. */
  public interface Listener {
    void onResult(QueryResult result);

    void onError(Exception error);
  }

  private final Workspace ws;
  private final String text;
  private final Listener listener;
  private final ExecutorService runner;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AutoCloseable subscription;
  private volatile boolean closed;
  private @Nullable QueryResult last;

  public LiveQuery(Workspace ws, String text, Listener listener) {
    this.ws = ws;
    this.text = text;
    this.listener = listener;
    this.runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "rhizome-live-query");
              t.setDaemon(true);
              return t;
            });
    this.subscription = ws.subscribe(event -> schedule());
    schedule();
  }

  /** A live query from two lambdas. */
  public static LiveQuery of(
      Workspace ws, String text, Consumer<QueryResult> onResult, Consumer<Exception> onError) {
    return new LiveQuery(
        ws,
        text,
        new Listener() {
          @Override
          public void onResult(QueryResult result) {
            onResult.accept(result);
          }

          @Override
          public void onError(Exception error) {
            onError.accept(error);
          }
        });
  }

  public String text() {
    return text;
  }

  /** Runs the query again soon (at most one run waits at a time). */
  public void schedule() {
    if (!closed && queued.compareAndSet(false, true)) {
      try {
        runner.execute(this::run);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false); // closed meanwhile
      }
    }
  }

  private void run() {
    queued.set(false);
    if (closed) {
      return;
    }
    try {
      QueryResult r = ws.query(text);
      if (!Objects.equals(r, last)) {
        last = r;
        listener.onResult(r);
      }
    } catch (QueryException e) {
      listener.onError(e);
    } catch (StoreException e) {
      if (!closed) {
        log.warn("live query failed: {}", e.getMessage());
        listener.onError(e);
      }
    } catch (RuntimeException e) {
      log.error("a live query's listener failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      subscription.close();
    } catch (Exception e) {
      log.debug("unsubscribing", e);
    }
    runner.shutdownNow();
  }
}
