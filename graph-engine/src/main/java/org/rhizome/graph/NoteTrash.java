package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.trash.NotInTrashException;
import org.rhizome.graph.trash.RestoredNote;
import org.rhizome.graph.trash.TrashedNote;

/**
 * Deleted notes (see {@code org.rhizome.graph.trash}): listing them, bringing one back, emptying
 * the trash.
 */
public interface NoteTrash {
  /**
   * Deleted notes, the most recently deleted first (at most {@code limit}): who deleted each and
   * when.
   */
  List<TrashedNote> trash(int limit) throws StoreException;

  /** The number of notes in the trash. */
  long trashCount() throws StoreException;

  /**
   * The deleted note that {@code target} names (id, path or title; the most recently deleted of
   * several).
   */
  Optional<TrashedNote> findInTrash(String target) throws StoreException;

  /**
   * Brings a deleted note back (title, body, folder; its links, tags and aliases are indexed again)
   * as one signed change. If its folder has a live note with its title now, it comes back as "Title
   * (restored)". Fails with {@link NotInTrashException} when the note is not in the trash.
   */
  CompletableFuture<RestoredNote> restoreNoteAsync(Soul soul);

  default RestoredNote restoreNote(Soul soul) throws StoreException, NoteException {
    return Futures.awaitNote(restoreNoteAsync(soul));
  }

  /**
   * Empties the trash: every note in it that this device may change (a protected note of another
   * person is left) loses its title, body and folder on every replica, as replicated changes. The
   * change log keeps the old changes (see docs/decisions/0006-trash.md). Returns how many notes.
   */
  CompletableFuture<Integer> emptyTrashAsync();

  default int emptyTrash() throws StoreException {
    return Futures.await(emptyTrashAsync());
  }
}
