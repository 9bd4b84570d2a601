package org.rhizome.ui.workbench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs the UI's slow work (engine queries, parsing, disk) off the FX thread and hands results back
 * on it. Two named daemon threads ({@code rhizome-ui-bg-N}): enough to keep a long query from
 * holding up a short one, few enough to leave the engine's writer a core.
 *
 * <p>Thread-safe. Failures are reported once, through the {@link ErrorReporter}, with the short
 * message the caller gives; the caller's success handler is then not called. After {@link #close}
 * (the window closed) work is refused quietly: futures are cancelled, handlers not called.
 */
public final class BackgroundExecutor implements AutoCloseable {
  private final ExecutorService pool;

  /**
   * One thread for what a person is waiting on (opening a note), so it never queues behind a long
   * list.
   */
  private final ExecutorService urgent;

  private final ErrorReporter errors;

  public BackgroundExecutor(ErrorReporter errors) {
    this.errors = errors;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "rhizome-ui-bg-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.urgent =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "rhizome-ui-open");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * As {@link #load}, on the lane for what the person is waiting on right now (opening a note): it
   * does not queue behind lists and searches. Keep such work short.
   */
  /** As {@link #supply}, on the lane for what the person is waiting on (a picker's matches). */
  public <T> CompletableFuture<T> supplyUrgently(Callable<T> work) {
    return submit(urgent, work);
  }

  public <T> CompletableFuture<T> loadUrgently(
      Callable<T> work, Consumer<? super T> onFx, String whatFailed) {
    return deliver(submit(urgent, work), onFx, whatFailed);
  }

  /**
   * Runs {@code work} in the background, then {@code onFx} with its result on the FX thread. On
   * failure, shows {@code whatFailed} ("Could not load the backlinks") and logs the details.
   */
  public <T> CompletableFuture<T> load(
      Callable<T> work, Consumer<? super T> onFx, String whatFailed) {
    return deliver(supply(work), onFx, whatFailed);
  }

  private <T> CompletableFuture<T> deliver(
      CompletableFuture<T> result, Consumer<? super T> onFx, String whatFailed) {
    result.whenComplete(
        (value, failure) ->
            Platform.runLater(
                () -> {
                  if (pool.isShutdown()) {
                    return;
                  }
                  if (failure != null) {
                    errors.report(whatFailed, unwrap(failure));
                  } else {
                    onFx.accept(value);
                  }
                }));
    return result;
  }

  /** Runs {@code work} in the background; the future completes on a background thread. */
  public <T> CompletableFuture<T> supply(Callable<T> work) {
    return submit(pool, work);
  }

  private <T> CompletableFuture<T> submit(ExecutorService executor, Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (executor.isShutdown()) {
      // The window has closed; a timer or listener that fires late gets nothing done.
      result.cancel(false);
      return result;
    }
    executor.execute(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          } catch (Error e) {
            result.completeExceptionally(e);
            throw e;
          }
        });
    return result;
  }

  /** Runs {@code work} in the background, reporting a failure as {@code whatFailed}. */
  public void execute(Runnable work, String whatFailed) {
    if (pool.isShutdown()) {
      return;
    }
    pool.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            Platform.runLater(() -> errors.report(whatFailed, e));
          }
        });
  }

  /** Reports a failed future (of an engine write, say) as {@code whatFailed}, on the FX thread. */
  public void reportFailure(CompletableFuture<?> future, String whatFailed) {
    future.whenComplete(
        (v, failure) -> {
          if (failure != null && !pool.isShutdown()) {
            Platform.runLater(() -> errors.report(whatFailed, unwrap(failure)));
          }
        });
  }

  static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public void close() {
    urgent.shutdownNow();
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
