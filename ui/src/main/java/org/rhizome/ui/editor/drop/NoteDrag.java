package org.rhizome.ui.editor.drop;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.query.NoteRef;

/**
 * Makes a row of the note list a drag source: dragging it carries the note's soul (for an editor,
 * which inserts a {@code [[link]]} that reaches it) and {@code [[Title]]} as plain text (for other
 * apps).
 */
public final class NoteDrag {
  /** The dragged note's soul. */
  public static final DataFormat NOTE = new DataFormat("application/x-rhizome-note");

  private NoteDrag() {}

  /**
   * Lets {@code row} be dragged when {@code note} gives the note it shows (null for a folder row or
   * an empty one).
   */
  public static void install(Node row, Supplier<@Nullable NoteRef> note) {
    row.setOnDragDetected(
        e -> {
          NoteRef n = note.get();
          if (n == null) {
            return;
          }
          Dragboard board = row.startDragAndDrop(TransferMode.LINK, TransferMode.COPY);
          ClipboardContent content = new ClipboardContent();
          content.put(NOTE, n.soul().value());
          content.putString("[[" + n.title() + "]]");
          board.setContent(content);
          e.consume();
        });
  }
}
