package org.rhizome.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;

/**
 * How the blocking forms of the role interfaces wait for the writer, and the engine's thread names.
 */
final class Futures {
  private Futures() {}

  /** Waits for a write that cannot fail with a {@link NoteException}. */
  static <T> T await(CompletableFuture<T> future) throws StoreException {
    try {
      return awaitNote(future);
    } catch (NoteException e) {
      throw new IllegalStateException("unexpected: " + e.getMessage(), e);
    }
  }

  /** Waits for a write, rethrowing what failed it as the checked exception it was. */
  static <T> T awaitNote(CompletableFuture<T> future) throws StoreException, NoteException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the writer", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreException se) {
        throw se;
      }
      if (cause instanceof NoteException ne) {
        throw ne;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new StoreException(String.valueOf(cause.getMessage()), cause);
    }
  }

  static ThreadFactory named(String pattern, boolean daemon) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t =
          new Thread(
              r, pattern.contains("%d") ? String.format(pattern, n.incrementAndGet()) : pattern);
      t.setDaemon(daemon);
      return t;
    };
  }
}
