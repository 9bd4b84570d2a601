package org.rhizome.graph.trash;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.api.InvalidTitleException;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteTitles;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.WriteTxn;
import org.rhizome.graph.store.WriterLookups;
import org.rhizome.graph.text.TextOp;

/**
 * Trash operations as changes, each inside one writer transaction (so what they check and what they
 * commit see one state, whoever else writes to the file).
 *
 * <p>Restore sets {@code deleted = false} and writes the note's type, title and folder again: a
 * later clock than the delete's (ours observes every change we hold), so it wins over the delete
 * wherever the two meet, and over a concurrent "empty trash" that is older. The body, aliases,
 * properties and links come back with it: they were never removed from the fields, only from the
 * index, which the reindex at commit rebuilds.
 *
 * <p>Empty clears the deleted notes' content from every replica's materialised state: the body is
 * deleted as a text edit (the CRDT snapshot keeps no deleted text), and type, title, folder and
 * created are set to null, so the node is no longer a note and its index rows go. The change log,
 * being append-only and signed, still holds the old changes.
 */
public final class TrashEditor {
  /** Suffix of a restored note's title when its own was taken in its folder meanwhile. */
  static final String RESTORED_SUFFIX = " (restored)";

  /** Notes emptied per change: keeps each change far below the op and size limits. */
  private static final int NOTES_PER_EMPTY_CHANGE = 200;

  /** Text ops per empty change, at most (a body edited in many places has many deleted runs). */
  private static final int OPS_PER_EMPTY_CHANGE = 5_000;

  /**
   * A note field set by a change that restores an older version of the body (to that version's
   * change hash, hex): how history knows a restore from an ordinary edit, on every replica.
   */
  public static final String RESTORED_FROM = "restoredFrom";

  private final ChangeAuthor author;

  public TrashEditor(ChangeAuthor author) {
    this.author = author;
  }

  /**
   * Brings a deleted note back, as one change.
   *
   * @throws NotInTrashException when the note is live, emptied or unknown
   */
  public RestoredNote restore(WriteTxn txn, Soul soul)
      throws SQLException, StoreException, NotInTrashException, InvalidTitleException {
    java.util.Optional<TrashedNote> found = TrashQueries.find(txn.connection(), soul);
    if (found.isEmpty()) {
      throw new NotInTrashException(liveOrGone(txn, soul));
    }
    TrashedNote note = found.get();
    List<Op> ops = restoreOps(txn, note);
    author.commit(txn, ops);
    String title = ((Value.Str) ((Op.SetField) ops.get(1)).value()).value();
    return new RestoredNote(soul, title, note.folder(), note.title());
  }

  /**
   * Type, title (free in its folder), folder and {@code deleted = false}: what brings a trashed
   * note back.
   */
  private static List<Op> restoreOps(WriteTxn txn, TrashedNote note)
      throws SQLException, InvalidTitleException {
    Soul soul = note.soul();
    String folder = note.folder();
    String title = freeTitle(txn, folder, note.title(), soul);
    List<Op> ops = new ArrayList<>(5);
    ops.add(new Op.SetField(soul, NoteFields.TYPE, Value.of(NoteFields.NOTE_TYPE)));
    ops.add(new Op.SetField(soul, NoteFields.TITLE, Value.of(title)));
    if (!folder.isEmpty()) {
      ops.add(new Op.SetField(soul, NoteFields.FOLDER, Value.of(folder)));
    }
    ops.add(new Op.SetField(soul, NoteFields.DELETED, Value.of(false)));
    return ops;
  }

  /**
   * Makes the body {@code text} (an older version's, named by {@code version}) as one change marked
   * as a restore ({@link #RESTORED_FROM}). A note in the trash comes back with it, in the same
   * change (as {@link #restore} would bring it). Empty when the note is live and already has that
   * text.
   *
   * @throws NoSuchNoteException when the note is neither live nor in the trash
   */
  public java.util.Optional<Change> restoreBody(
      WriteTxn txn, Soul soul, String text, ChangeHash version)
      throws SQLException, StoreException, NoteException {
    List<Op> ops = new ArrayList<>(6);
    java.util.Optional<TrashedNote> deleted = TrashQueries.find(txn.connection(), soul);
    if (deleted.isPresent()) {
      ops.addAll(restoreOps(txn, deleted.get()));
    } else if (NoteQueries.find(txn.connection(), soul).isEmpty()) {
      throw new NoSuchNoteException("There is no note " + soul + " (nor in the trash).");
    }
    List<TextOp> edit = txn.text(soul, NoteFields.BODY).replaceWith(author.key().actor(), text);
    if (edit.isEmpty() && ops.isEmpty()) {
      return java.util.Optional.empty();
    }
    if (!edit.isEmpty()) {
      ops.add(new Op.TextEdit(soul, NoteFields.BODY, edit));
    }
    ops.add(new Op.SetField(soul, RESTORED_FROM, Value.of(version.toString())));
    return java.util.Optional.of(author.commit(txn, ops));
  }

  /**
   * Empties the trash of the notes given (those still in it; others are skipped), in changes of at
   * most {@value #NOTES_PER_EMPTY_CHANGE} notes. Returns how many notes it emptied.
   */
  public int empty(WriteTxn txn, List<Soul> souls) throws SQLException, StoreException {
    int emptied = 0;
    List<Op> ops = new ArrayList<>();
    int notes = 0;
    int textOps = 0;
    for (Soul soul : souls) {
      if (!inTrash(txn, soul)) {
        continue;
      }
      List<TextOp> clear = txn.text(soul, NoteFields.BODY).replaceWith(author.key().actor(), "");
      if (!ops.isEmpty()
          && (notes >= NOTES_PER_EMPTY_CHANGE || textOps + clear.size() > OPS_PER_EMPTY_CHANGE)) {
        author.commit(txn, ops);
        ops = new ArrayList<>();
        notes = 0;
        textOps = 0;
      }
      if (!clear.isEmpty()) {
        ops.add(new Op.TextEdit(soul, NoteFields.BODY, clear));
      }
      for (String field :
          List.of(NoteFields.TYPE, NoteFields.TITLE, NoteFields.FOLDER, NoteFields.CREATED)) {
        ops.add(new Op.SetField(soul, field, Value.NULL));
      }
      notes++;
      emptied++;
      textOps += clear.size();
    }
    if (!ops.isEmpty()) {
      author.commit(txn, ops);
    }
    return emptied;
  }

  private static boolean inTrash(WriteTxn txn, Soul soul) throws SQLException {
    return WriterLookups.noteDeleted(txn, soul).orElse(false);
  }

  /**
   * The note's own title if no other live note of the folder has it, else "Title (restored)",
   * "Title (restored 2)"…
   */
  private static String freeTitle(WriteTxn txn, String folder, String title, Soul soul)
      throws SQLException, InvalidTitleException {
    if (!taken(txn, folder, title, soul)) {
      return title;
    }
    for (int n = 1; ; n++) {
      String suffix = n == 1 ? RESTORED_SUFFIX : " (restored " + n + ")";
      String base =
          title.length() + suffix.length() > NoteTitles.MAX_LENGTH
              ? title.substring(0, NoteTitles.MAX_LENGTH - suffix.length()).strip()
              : title;
      String candidate = NoteTitles.check(base + suffix);
      if (!taken(txn, folder, candidate, soul)) {
        return candidate;
      }
    }
  }

  private static boolean taken(WriteTxn txn, String folder, String title, Soul soul)
      throws SQLException {
    return WriterLookups.titleTakenByAnother(txn, folder, title, soul);
  }

  private static String liveOrGone(WriteTxn txn, Soul soul) throws SQLException {
    if (!WriterLookups.noteDeleted(txn, soul).orElse(true)) {
      return "The note " + soul + " is not in the trash: it is not deleted.";
    }
    return "There is no note "
        + soul
        + " in the trash (it never existed here, or the trash was emptied).";
  }
}
