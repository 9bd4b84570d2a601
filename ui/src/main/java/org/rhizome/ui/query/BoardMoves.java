package org.rhizome.ui.query;

import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.lang.PropertyEdit;

/**
 * A card dropped on another column of a board (the query view's or a reading view's): the note's
 * property becomes that column's value, as one small edit of its front matter made on the text as
 * read and moved past anything written since — so it merges, syncs and shows in history as one
 * version. Never blocks the caller.
 */
public final class BoardMoves {
  private BoardMoves() {}

  /** Sets {@code property} of the note to {@code value} (text, number, checkbox, date or link). */
  public static CompletableFuture<?> move(
      Workspace workspace, Soul note, String property, Object value) {
    return workspace
        .openBodyAsync(note)
        .thenCompose(
            read ->
                workspace.spliceBodyAsync(
                    note, read.version(), PropertyEdit.set(read.text(), property, value), 0));
  }
}
