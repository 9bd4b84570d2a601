package org.rhizome.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.trash.RestoredNote;
import org.rhizome.graph.trash.TrashEditor;
import org.rhizome.graph.trash.TrashQueries;
import org.rhizome.graph.trash.TrashedNote;

/**
 * {@link NoteTrash}: reads through {@link TrashQueries}, writes through the {@link TrashEditor}.
 */
final class TrashAccess implements NoteTrash {
  private final GraphStore store;
  private final TrashEditor trash;
  private final WorkspaceMembership membership;

  TrashAccess(GraphStore store, TrashEditor trash, WorkspaceMembership membership) {
    this.store = store;
    this.trash = trash;
    this.membership = membership;
  }

  @Override
  public List<TrashedNote> trash(int limit) throws StoreException {
    return store.read(c -> TrashQueries.list(c, limit));
  }

  @Override
  public long trashCount() throws StoreException {
    return store.read(TrashQueries::count);
  }

  @Override
  public Optional<TrashedNote> findInTrash(String target) throws StoreException {
    return store.read(c -> TrashQueries.lookup(c, target));
  }

  @Override
  public CompletableFuture<RestoredNote> restoreNoteAsync(Soul soul) {
    return store.write(txn -> trash.restore(txn, soul));
  }

  @Override
  public CompletableFuture<Integer> emptyTrashAsync() {
    return store.write(
        txn -> {
          // Read in the transaction: the trash as it is now, whoever else writes to the file.
          ActorId person = membership.person();
          List<Soul> souls = new ArrayList<>();
          for (TrashedNote n : TrashQueries.list(txn.connection(), Integer.MAX_VALUE)) {
            Optional<ActorId> owner = SystemSouls.ownerOf(n.soul());
            if (owner.isEmpty() || owner.get().equals(person)) {
              souls.add(n.soul());
            }
          }
          return trash.empty(txn, souls);
        });
  }
}
