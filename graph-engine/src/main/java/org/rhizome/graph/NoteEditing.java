package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.TitleTakenException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextChange;
import org.rhizome.graph.text.TextVersion;

/**
 * Writing notes: creating, editing bodies (whole, or an editor's splices), moving, renaming,
 * deleting, ticking tasks. Each write is one signed change (or one per note touched) made on the
 * writer thread; the {@code *Async} forms return at once, the others wait and must not be called on
 * a UI thread.
 */
public interface NoteEditing {
  CompletableFuture<Soul> createNoteAsync(String title, String body);

  /**
   * Creates a note in {@code folder} ({@code ""} for the root, else e.g. {@code "Projects/2024"}).
   */
  CompletableFuture<Soul> createNoteAsync(String folder, String title, String body);

  /**
   * Creates a protected note: every member can read it, only this device's person (this device and
   * the person's other devices) can change it — checked on every replica. In an open workspace the
   * owner is this device.
   */
  CompletableFuture<Soul> createProtectedNoteAsync(String folder, String title, String body);

  /** Creates a note; the title must be valid and not taken. */
  default Soul createNote(String title, String body) throws StoreException, NoteException {
    return Futures.awaitNote(createNoteAsync(title, body));
  }

  /**
   * Creates a note in a folder; the title must be valid and not taken in that folder (titles may
   * repeat across folders).
   */
  default Soul createNote(String folder, String title, String body)
      throws StoreException, NoteException {
    return Futures.awaitNote(createNoteAsync(folder, title, body));
  }

  /** Creates many notes in one transaction (one change each): the fast path for imports. */
  CompletableFuture<List<Soul>> createNotesAsync(List<String[]> titleAndBody);

  /**
   * Creates many notes, each in its folder, in one transaction (one change each); if one cannot be
   * created (a bad or taken title), none is.
   */
  CompletableFuture<List<Soul>> createDraftsAsync(List<NoteDraft> drafts);

  /** Makes the note's body equal to {@code body}, as one text edit; empty when it already was. */
  CompletableFuture<Optional<Change>> editBodyAsync(Soul soul, String body);

  default Optional<Change> editBody(Soul soul, String body) throws StoreException, NoteException {
    return Futures.awaitNote(editBodyAsync(soul, body));
  }

  /**
   * Applies an editor's edits to a note's body — splices of (position, deleted count, inserted
   * text) in code points, each on the text as the previous left it — as one change.
   *
   * @throws IllegalArgumentException (through the future) when a splice lies outside the text
   */
  CompletableFuture<Optional<Change>> spliceBodyAsync(Soul soul, List<Splice> splices);

  default Optional<Change> spliceBody(Soul soul, List<Splice> splices)
      throws StoreException, NoteException {
    return Futures.awaitNote(spliceBodyAsync(soul, splices));
  }

  /**
   * A note's body and its version, read on the writer (which keeps the body live from now on, so
   * the change feed carries its edits as splices): what an editor opens with.
   */
  CompletableFuture<VersionedText> openBodyAsync(Soul soul);

  default VersionedText openBody(Soul soul) throws StoreException {
    return Futures.await(openBodyAsync(soul));
  }

  /**
   * A note's body as it was at {@code version} (one {@link #openBody} returned), replayed from the
   * log: for a whole-body save made from a read whose text was not kept (the mirror keeps only a
   * bounded number of texts it wrote). Costs one replay of the body's edits, on the writer.
   *
   * @throws org.rhizome.graph.text.MissingTextDependencyException (through the future) when {@code
   *     version} is not a version of this body
   */
  CompletableFuture<VersionedText> bodyAtAsync(Soul soul, TextVersion version);

  /**
   * Applies an editor's splices made on the body at version {@code base} (the version of the text
   * it opened with, moved on by the {@link TextChange}s it replayed since): the engine moves them
   * past everything that arrived meanwhile, so each keystroke lands between the characters it was
   * typed between. The change's {@link TextChange} carries {@code origin} (nonzero: the editor's
   * own tag).
   *
   * @throws IllegalArgumentException (through the future) when a splice lies outside the text it
   *     was made on, or {@code base} is not a version of this body
   */
  CompletableFuture<Optional<Change>> spliceBodyAsync(
      Soul soul, TextVersion base, List<Splice> splices, long origin);

  /**
   * Makes a body that was {@code read} (with {@link #openBody}) equal to {@code body}, as a diff
   * against what was read: edits others made since are kept, not overwritten (the CLI's and the
   * mirror's whole-body saves).
   */
  CompletableFuture<Optional<Change>> editBodyAsync(Soul soul, VersionedText read, String body);

  default Optional<Change> editBody(Soul soul, VersionedText read, String body)
      throws StoreException, NoteException {
    return Futures.awaitNote(editBodyAsync(soul, read, body));
  }

  CompletableFuture<List<Change>> renameNoteAsync(Soul soul, String newTitle);

  /** Renames a note and rewrites links to it in other notes' bodies. */
  default List<Change> renameNote(Soul soul, String newTitle) throws StoreException, NoteException {
    return Futures.awaitNote(renameNoteAsync(soul, newTitle));
  }

  /**
   * Moves a note to another folder ({@code ""} for the root), rewriting links so they keep reaching
   * the notes they reached (see {@link #relocateNoteAsync}).
   */
  CompletableFuture<List<Change>> moveNoteAsync(Soul soul, String newFolder);

  default List<Change> moveNote(Soul soul, String newFolder) throws StoreException, NoteException {
    return Futures.awaitNote(moveNoteAsync(soul, newFolder));
  }

  /**
   * Gives a note a new folder and title at once. Links to it that would no longer reach it are
   * rewritten to its new name (or full path when the bare name would reach another note), and its
   * own links that would reach other notes from the new folder get their targets' full paths. Fails
   * with {@link TitleTakenException} when the folder already has a note with that title.
   */
  CompletableFuture<List<Change>> relocateNoteAsync(Soul soul, String newFolder, String newTitle);

  CompletableFuture<Change> deleteNoteAsync(Soul soul);

  /** Deletes a note (a tombstone: its history stays in the log). */
  default Change deleteNote(Soul soul) throws StoreException, NoteException {
    return Futures.awaitNote(deleteNoteAsync(soul));
  }

  /**
   * Ticks (or unticks) the task on {@code line} of a note: one character of its text changes, read
   * and written on the writer thread so no concurrent edit slips between.
   *
   * @throws org.rhizome.graph.tasks.NoSuchTaskException (through the future) when that line holds
   *     no task now
   */
  default CompletableFuture<Optional<Change>> toggleTaskAsync(Soul soul, int line) {
    return toggleTaskAsync(soul, line, java.time.LocalDate.now());
  }

  /**
   * As {@link #toggleTaskAsync(Soul, int)}, and when {@code doneOn} is given a tick also writes
   * {@code ✅ doneOn} at the end of the item (an untick removes it), in the same change; with {@code
   * null} only the mark changes.
   */
  CompletableFuture<Optional<Change>> toggleTaskAsync(
      Soul soul, int line, java.time.@Nullable LocalDate doneOn);

  /**
   * Parses a body the caller is about to write, on the calling thread (an importer's worker), and
   * leaves the parse for the writer to reuse; returns it (links, tags, front matter, problems).
   */
  ParsedNote parseAhead(String body);
}
