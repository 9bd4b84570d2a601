package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.query.BodyVersion;
import org.rhizome.graph.query.TextHistoryQueries;
import org.rhizome.graph.query.TextVersionInfo;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;
import org.rhizome.graph.trash.TrashEditor;

/**
 * {@link NoteHistory}: versions are read from the log's text history; a restore is written by the
 * trash editor.
 */
final class BodyHistory implements NoteHistory {
  private final GraphStore store;
  private final ParsedBodies parsedBodies;
  private final TrashEditor trash;

  BodyHistory(GraphStore store, ParsedBodies parsedBodies, TrashEditor trash) {
    this.store = store;
    this.parsedBodies = parsedBodies;
    this.trash = trash;
  }

  @Override
  public List<TextVersionInfo> bodyHistory(Soul soul, int limit) throws StoreException {
    return store.read(c -> TextHistoryQueries.versions(c, soul, NoteFields.BODY, limit));
  }

  @Override
  public String bodyAt(Soul soul, TextVersionInfo version) throws StoreException {
    return store.read(
        c -> TextHistoryQueries.textAt(c, soul, NoteFields.BODY, version.logPosition()));
  }

  @Override
  public List<BodyVersion> bodyVersions(Soul soul, int limit) throws StoreException {
    return store.read(
        c ->
            TextHistoryQueries.groupedVersions(
                c, soul, NoteFields.BODY, TrashEditor.RESTORED_FROM, limit));
  }

  @Override
  public CompletableFuture<Optional<Change>> restoreBodyAsync(Soul soul, TextVersionInfo version) {
    String text;
    try {
      text = bodyAt(soul, version);
    } catch (StoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    parsedBodies.prepare(text);
    return store.write(txn -> trash.restoreBody(txn, soul, text, version.change()));
  }
}
