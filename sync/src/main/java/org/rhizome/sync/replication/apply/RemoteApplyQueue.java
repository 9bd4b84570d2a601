package org.rhizome.sync.replication.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.ApplyResult;

/**
 * Group commit for changes that arrive one by one (GossipSub): while one batch is being verified
 * and written, the next ones gather, and go to the engine together — one transaction for many
 * messages when they come fast, no waiting when they come slowly. Thread-safe.
 */
public final class RemoteApplyQueue {
  private static final int MAX_BATCH = 1_000;

  private record Pending(byte[] change, CompletableFuture<ApplyResult> result) {}

  private final Replica workspace;
  private final List<Pending> pending = new ArrayList<>();
  private boolean inFlight;

  public RemoteApplyQueue(Replica workspace) {
    this.workspace = workspace;
  }

  public CompletableFuture<ApplyResult> offer(byte[] change) {
    CompletableFuture<ApplyResult> result = new CompletableFuture<>();
    synchronized (this) {
      pending.add(new Pending(change, result));
      if (inFlight) {
        return result;
      }
      inFlight = true;
    }
    flush();
    return result;
  }

  private void flush() {
    List<Pending> batch;
    synchronized (this) {
      if (pending.isEmpty()) {
        inFlight = false;
        return;
      }
      int n = Math.min(MAX_BATCH, pending.size());
      batch = new ArrayList<>(pending.subList(0, n));
      pending.subList(0, n).clear();
    }
    List<byte[]> bytes = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      bytes.add(p.change());
    }
    IsolatingApply.apply(workspace, bytes)
        .whenComplete(
            (results, error) -> {
              for (int i = 0; i < batch.size(); i++) {
                if (error != null) {
                  batch.get(i).result().completeExceptionally(error);
                } else {
                  batch.get(i).result().complete(results.get(i));
                }
              }
              flush();
            });
  }
}
