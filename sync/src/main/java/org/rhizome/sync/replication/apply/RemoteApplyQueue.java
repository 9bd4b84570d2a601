package org.rhizome.sync.replication.apply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.ApplyResult;

/**
 * Group commit for changes that arrive message by message (GossipSub): while batches are being
 * verified and written, the next messages gather, and go to the engine together — one transaction
 * for many messages when they come fast, no waiting when they come slowly. Two batches may be with
 * the engine at once, so the next one's signatures are checked (on the engine's verifier threads)
 * while the writer stores the one before; the engine writes them in the order offered. Thread-safe.
 */
public final class RemoteApplyQueue {
  /** Changes gathered into one batch (a message's changes are never split). */
  static final int MAX_BATCH = 2_000;

  /** Batches with the engine at once: one being written, one being verified. */
  static final int MAX_IN_FLIGHT = 2;

  private record Pending(List<byte[]> changes, CompletableFuture<List<ApplyResult>> result) {}

  private final IsolatingApply.Engine engine;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private int inFlight;

  public RemoteApplyQueue(Replica workspace) {
    this(workspace::applyRemoteAsync);
  }

  RemoteApplyQueue(IsolatingApply.Engine engine) {
    this.engine = engine;
  }

  /** Offers one message's changes; completes with their results, in order. */
  public CompletableFuture<List<ApplyResult>> offer(List<byte[]> changes) {
    CompletableFuture<List<ApplyResult>> result = new CompletableFuture<>();
    if (changes.isEmpty()) {
      result.complete(List.of());
      return result;
    }
    synchronized (this) {
      pending.add(new Pending(changes, result));
      if (inFlight >= MAX_IN_FLIGHT) {
        return result;
      }
      inFlight++;
    }
    flush();
    return result;
  }

  private void flush() {
    List<Pending> batch = new ArrayList<>();
    CompletableFuture<List<ApplyResult>> applied;
    synchronized (this) {
      int count = 0;
      while (!pending.isEmpty()
          && (batch.isEmpty() || count + pending.peek().changes().size() <= MAX_BATCH)) {
        Pending p = pending.poll();
        batch.add(p);
        count += p.changes().size();
      }
      if (batch.isEmpty()) {
        inFlight--;
        return;
      }
      List<byte[]> bytes = new ArrayList<>(count);
      for (Pending p : batch) {
        bytes.addAll(p.changes());
      }
      // Offered under the lock, so batches reach the engine (which writes in offer order) in the
      // order their messages arrived. The engine only queues the work here.
      try {
        applied = IsolatingApply.apply(engine, bytes);
      } catch (RuntimeException e) { // e.g. the workspace closed under us
        applied = CompletableFuture.failedFuture(e);
      }
    }
    applied.whenComplete(
        (results, error) -> {
          int at = 0;
          for (Pending p : batch) {
            int n = p.changes().size();
            if (error != null) {
              p.result().completeExceptionally(error);
            } else {
              p.result().complete(List.copyOf(results.subList(at, at + n)));
            }
            at += n;
          }
          flush();
        });
  }
}
