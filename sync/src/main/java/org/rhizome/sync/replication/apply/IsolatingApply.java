package org.rhizome.sync.replication.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StorageFullException;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.model.ChangeHash;

/**
 * Offers a batch of remote changes to the engine so that one change it cannot store never sinks the
 * others: the engine applies a batch in one transaction, so when that transaction fails the batch
 * is split in two and each half tried again, in order, down to the one change at fault, which comes
 * back refused as {@link RefusalReason#UNSTORABLE} with the engine's own error as its detail.
 * Failures of the store itself (disk full, workspace closed — or every change of a batch failing
 * alone) still fail the whole batch: those are not any change's fault.
 */
public final class IsolatingApply {
  private IsolatingApply() {}

  /** What applies one batch in one transaction: the workspace's {@code applyRemoteAsync}. */
  public interface Engine {
    CompletableFuture<List<ApplyResult>> apply(List<byte[]> changes);
  }

  public static CompletableFuture<List<ApplyResult>> apply(
      Replica workspace, List<byte[]> changes) {
    return apply(workspace::applyRemoteAsync, changes);
  }

  public static CompletableFuture<List<ApplyResult>> apply(Engine workspace, List<byte[]> changes) {
    return attempt(workspace, changes)
        .thenCompose(
            results -> {
              if (results.size() > 1 && results.stream().allMatch(IsolatingApply::unstorable)) {
                // Nothing stored at all: the store is failing, not the changes.
                return CompletableFuture.failedFuture(
                    new CompletionException(
                        new org.rhizome.graph.api.StoreException(
                            "storing changes failed: " + results.get(0).detail())));
              }
              return CompletableFuture.completedFuture(results);
            });
  }

  private static CompletableFuture<List<ApplyResult>> attempt(
      Engine workspace, List<byte[]> changes) {
    return workspace
        .apply(changes)
        .handle(
            (results, error) ->
                error == null
                    ? CompletableFuture.completedFuture(results)
                    : isolate(workspace, changes, cause(error)))
        .thenCompose(f -> f);
  }

  private static CompletableFuture<List<ApplyResult>> isolate(
      Engine workspace, List<byte[]> changes, Throwable error) {
    if (storeWide(error)) {
      return CompletableFuture.failedFuture(error);
    }
    if (changes.size() == 1) {
      return CompletableFuture.completedFuture(
          List.of(
              ApplyResult.refused(
                  hashOf(changes.get(0)),
                  RefusalReason.UNSTORABLE,
                  "could not be stored here: "
                      + error.getClass().getSimpleName()
                      + ": "
                      + error.getMessage())));
    }
    int mid = changes.size() / 2;
    List<byte[]> first = changes.subList(0, mid);
    List<byte[]> second = changes.subList(mid, changes.size());
    return attempt(workspace, first)
        .thenCompose(
            a ->
                attempt(workspace, second)
                    .thenApply(
                        b -> {
                          List<ApplyResult> all = new ArrayList<>(a.size() + b.size());
                          all.addAll(a);
                          all.addAll(b);
                          return all;
                        }));
  }

  /**
   * A refusal for something this replica lacks yet (an earlier change of the same device, a
   * dependency): not the change's fault; it is stored once what it needs has arrived.
   */
  public static boolean deferred(ApplyResult r) {
    return r.status() == ApplyResult.Status.REFUSED
        && (r.reason() == RefusalReason.GAP_IN_SEQ
            || r.reason() == RefusalReason.MISSING_DEPENDENCY);
  }

  static boolean unstorable(ApplyResult r) {
    return r.status() == ApplyResult.Status.REFUSED && r.reason() == RefusalReason.UNSTORABLE;
  }

  private static boolean storeWide(Throwable error) {
    return error instanceof StorageFullException
        || error instanceof CancellationException
        || error instanceof RejectedExecutionException
        || error instanceof InterruptedException
        || String.valueOf(error.getMessage()).contains("the workspace is closed");
  }

  private static Throwable cause(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static @Nullable ChangeHash hashOf(byte[] change) {
    try {
      return ChangeCodec.decode(change).hash();
    } catch (Exception e) {
      return null;
    }
  }
}
