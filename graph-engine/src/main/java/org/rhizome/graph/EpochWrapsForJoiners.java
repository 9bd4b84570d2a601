package org.rhizome.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.GraphStore;

/**
 * Once anyone has been removed, every change is sealed under an epoch key (decision 0009), and a
 * device reads only what is sealed under keys wrapped for it. Any device that holds a key wraps it
 * for devices lacking it in its next change — but a new member who joins a quiet workspace would
 * see only the notes from before the first removal until someone happened to write. So sync, when
 * it sees a device join, asks a running device that may write to write the wraps it owes at once,
 * in a change of their own ({@link Replica#wrapOwedEpochKeysAsync}); nothing is written when it
 * owes none. Several devices may do so for one join: they write the same field names, last writer
 * wins, and either wrap opens. (Sync asks, not the engine's own feed: a replica with no sync, or
 * one replaying history, never writes by itself.)
 */
final class EpochWrapsForJoiners {
  private final GraphStore store;
  private final ChangeAuthor author;
  private final WorkspaceMembership membership;
  private final AtomicBoolean queued = new AtomicBoolean();

  EpochWrapsForJoiners(GraphStore store, ChangeAuthor author, WorkspaceMembership membership) {
    this.store = store;
    this.author = author;
    this.membership = membership;
  }

  /** Writes the epoch key wraps this device owes, if any; true when it wrote a change. */
  CompletableFuture<Boolean> wrapOwedKeysAsync() {
    if (membership.mode() != MembershipMode.MEMBERS || !queued.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(false); // one write covers the joins seen before it
    }
    try {
      if (!membership.myRole().map(r -> r.atLeast(Role.WRITER)).orElse(false)) {
        queued.set(false);
        return CompletableFuture.completedFuture(false); // a reader signs nothing
      }
    } catch (StoreException | RuntimeException e) {
      queued.set(false);
      return CompletableFuture.failedFuture(e);
    }
    return store.write(
        txn -> {
          queued.set(false);
          return author.commitOwedEpochKeys(txn) != null;
        });
  }
}
