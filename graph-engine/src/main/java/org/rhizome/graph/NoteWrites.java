package org.rhizome.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;
import org.rhizome.graph.tasks.NoSuchTaskException;
import org.rhizome.graph.tasks.TaskToggle;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextVersion;

/**
 * {@link NoteEditing}: each write goes to the writer thread as one {@link NoteEditor} call; a body
 * about to be written is parsed ahead on the caller's thread so the writer can reuse the parse.
 */
final class NoteWrites implements NoteEditing {
  private final GraphStore store;
  private final NoteEditor notes;
  private final ParsedBodies parsedBodies;
  private final WorkspaceMembership membership;

  NoteWrites(
      GraphStore store,
      NoteEditor notes,
      ParsedBodies parsedBodies,
      WorkspaceMembership membership) {
    this.store = store;
    this.notes = notes;
    this.parsedBodies = parsedBodies;
    this.membership = membership;
  }

  @Override
  public CompletableFuture<Soul> createNoteAsync(String title, String body) {
    return createNoteAsync(NoteFolders.ROOT, title, body);
  }

  @Override
  public CompletableFuture<Soul> createNoteAsync(String folder, String title, String body) {
    parsedBodies.prepare(body);
    return store.write(
        txn -> notes.create(txn, List.of(new NoteDraft(folder, title, body))).get(0));
  }

  @Override
  public CompletableFuture<Soul> createProtectedNoteAsync(
      String folder, String title, String body) {
    ActorId owner;
    try {
      owner = membership.person();
    } catch (StoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    parsedBodies.prepare(body);
    return store.write(
        txn -> notes.create(txn, List.of(new NoteDraft(folder, title, body)), owner).get(0));
  }

  @Override
  public CompletableFuture<List<Soul>> createNotesAsync(List<String[]> titleAndBody) {
    List<NoteDraft> batch = new ArrayList<>(titleAndBody.size());
    for (String[] tb : titleAndBody) {
      batch.add(new NoteDraft(tb[0], tb[1]));
    }
    return createDraftsAsync(batch);
  }

  @Override
  public CompletableFuture<List<Soul>> createDraftsAsync(List<NoteDraft> drafts) {
    List<NoteDraft> batch = List.copyOf(drafts);
    for (NoteDraft d : batch) {
      parsedBodies.prepare(d.body());
    }
    return store.write(txn -> notes.create(txn, batch));
  }

  @Override
  public CompletableFuture<Optional<Change>> editBodyAsync(Soul soul, String body) {
    parsedBodies.prepare(body);
    return store.write(txn -> notes.editBody(txn, soul, body));
  }

  @Override
  public CompletableFuture<Optional<Change>> spliceBodyAsync(Soul soul, List<Splice> splices) {
    List<Splice> copy = List.copyOf(splices);
    return store.write(txn -> notes.spliceBody(txn, soul, copy));
  }

  @Override
  public CompletableFuture<VersionedText> openBodyAsync(Soul soul) {
    return store.write(
        txn -> {
          TextDocument doc = txn.text(soul, NoteFields.BODY);
          return new VersionedText(doc.text(), doc.version());
        });
  }

  @Override
  public CompletableFuture<Optional<Change>> spliceBodyAsync(
      Soul soul, TextVersion base, List<Splice> splices, long origin) {
    List<Splice> copy = List.copyOf(splices);
    return store.write(txn -> notes.spliceBodyAt(txn, soul, base, copy, origin));
  }

  @Override
  public CompletableFuture<Optional<Change>> editBodyAsync(
      Soul soul, VersionedText read, String body) {
    parsedBodies.prepare(body);
    return store.write(txn -> notes.editBodyFrom(txn, soul, read, body));
  }

  @Override
  public CompletableFuture<List<Change>> renameNoteAsync(Soul soul, String newTitle) {
    return store.write(
        txn -> notes.relocate(txn, soul, live(txn.connection(), soul).folder(), newTitle));
  }

  @Override
  public CompletableFuture<List<Change>> moveNoteAsync(Soul soul, String newFolder) {
    return store.write(
        txn -> notes.relocate(txn, soul, newFolder, live(txn.connection(), soul).title()));
  }

  private static NoteRef live(java.sql.Connection c, Soul soul)
      throws java.sql.SQLException, NoSuchNoteException {
    return NoteQueries.find(c, soul)
        .orElseThrow(() -> new NoSuchNoteException("There is no note " + soul + "."));
  }

  @Override
  public CompletableFuture<List<Change>> relocateNoteAsync(
      Soul soul, String newFolder, String newTitle) {
    return store.write(txn -> notes.relocate(txn, soul, newFolder, newTitle));
  }

  @Override
  public CompletableFuture<Change> deleteNoteAsync(Soul soul) {
    return store.write(txn -> notes.delete(txn, soul));
  }

  @Override
  public CompletableFuture<Optional<Change>> toggleTaskAsync(
      Soul soul, int line, java.time.@Nullable LocalDate doneOn) {
    return store.write(
        txn -> {
          String body = NoteQueries.body(txn.connection(), soul);
          List<Splice> splices = TaskToggle.toggle(body, line, doneOn);
          if (splices.isEmpty()) {
            throw new NoSuchTaskException("Line " + (line + 1) + " of the note holds no task now.");
          }
          return notes.spliceBody(txn, soul, splices);
        });
  }

  @Override
  public CompletableFuture<VersionedText> bodyAtAsync(Soul soul, TextVersion version) {
    return store.write(
        txn ->
            new VersionedText(
                org.rhizome.graph.text.TextHistory.textAt(
                    TextFieldHistory.ops(txn, soul, NoteFields.BODY), version),
                version));
  }

  @Override
  public ParsedNote parseAhead(String body) {
    return parsedBodies.prepareAndGet(body);
  }
}
