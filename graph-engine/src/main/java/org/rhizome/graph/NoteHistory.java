package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.BodyVersion;
import org.rhizome.graph.query.TextVersionInfo;

/** A note body's history: its versions, the text at each, and restoring one (the history view). */
public interface NoteHistory {
  /**
   * The versions of a note's body, newest first (at most {@code limit}): who changed it and when.
   */
  List<TextVersionInfo> bodyHistory(Soul soul, int limit) throws StoreException;

  /**
   * A note's body as it was right after {@code version} (one of {@link #bodyHistory}). Replays the
   * note's edits.
   */
  String bodyAt(Soul soul, TextVersionInfo version) throws StoreException;

  /**
   * A note's body versions as a person counts them — a pause of a minute, another author or a
   * restore starts a new one — newest first, at most {@code limit}, each with its size in words.
   */
  List<BodyVersion> bodyVersions(Soul soul, int limit) throws StoreException;

  /** As {@link #restoreBody}: reads the old text on the caller's thread, then writes. */
  CompletableFuture<Optional<Change>> restoreBodyAsync(Soul soul, TextVersionInfo version);

  /**
   * Restores a note's body to an earlier version, as one new change marked as a restore (history
   * keeps everything). A deleted note comes back from the trash in the same change.
   */
  default Optional<Change> restoreBody(Soul soul, TextVersionInfo version)
      throws StoreException, NoteException {
    return Futures.awaitNote(restoreBodyAsync(soul, version));
  }
}
