package org.rhizome.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once anyone has been removed, every change is sealed under an epoch key (decision 0009), and a
 * device reads only what is sealed under keys wrapped for it. Any device that holds a key wraps it
 * for devices lacking it in its next change — but a new member who joins a quiet workspace would
 * see only the notes from before the first removal until someone happened to write. So a running
 * device that may write and learns that a device joined (its first change: seq 1) writes the wraps
 * it owes at once, in a change of their own; it writes nothing when it owes none. Several devices
 * may do so for one join: they write the same field names, last writer wins, and either wrap opens.
 */
final class EpochWrapsForJoiners {
  private static final Logger log = LoggerFactory.getLogger(EpochWrapsForJoiners.class);

  private final GraphStore store;
  private final ChangeAuthor author;
  private final WorkspaceMembership membership;
  private final AtomicBoolean queued = new AtomicBoolean();

  EpochWrapsForJoiners(GraphStore store, ChangeAuthor author, WorkspaceMembership membership) {
    this.store = store;
    this.author = author;
    this.membership = membership;
  }

  /** The feed's listener (on the events thread: never waits for the write). */
  void onChanges(ChangeEvent event) {
    if (membership.mode() != MembershipMode.MEMBERS) {
      return;
    }
    ActorId self = author.key().actor();
    for (Change c : event.changes()) {
      if (c.seq() == 1 && !c.actor().equals(self)) {
        if (queued.compareAndSet(false, true)) { // one write covers every join seen until it runs
          wrapOwedKeysAsync()
              .whenComplete(
                  (written, e) -> {
                    if (e != null) {
                      log.debug("could not wrap the epoch keys for a device that joined", e);
                    }
                  });
        }
        return;
      }
    }
  }

  /** Writes the epoch key wraps this device owes, if any; true when it wrote a change. */
  CompletableFuture<Boolean> wrapOwedKeysAsync() {
    try {
      if (!membership.canWrite()) {
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
