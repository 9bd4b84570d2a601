package org.rhizome.ui.editor.drop;

import java.io.File;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.workbench.AppContext;

/**
 * Paste and drop into the note editor: an image on the clipboard (a screenshot) or files (pasted or
 * dropped from a file manager) are stored as attachments ({@link AttachmentStore}) and their links
 * ({@code ![[Pasted image ….png]]}) inserted where the caret (or the drop) was; a note dragged from
 * the sidebar inserts {@code [[Note]]}. Text pastes are left to the editor. The link goes in as an
 * ordinary edit of the area, so it is synced, undoable and in history like typing.
 *
 * <p>FX thread; the storing runs in the background.
 */
public final class EditorDrops {
  private static final KeyCombination PASTE =
      new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination PASTE_INSERT =
      new KeyCodeCombination(KeyCode.INSERT, KeyCombination.SHIFT_DOWN);

  /** How many chars before the insertion point are checked to find it again after others' edits. */
  private static final int CONTEXT = 24;

  private final AppContext context;
  private final CodeArea area;
  private final Supplier<String> noteFolder;
  private final Soul note;
  private final AttachmentStore store;

  private EditorDrops(AppContext context, CodeArea area, Supplier<String> noteFolder, Soul note) {
    this.context = context;
    this.area = area;
    this.noteFolder = noteFolder;
    this.note = note;
    this.store = new AttachmentStore(context.workspace());
  }

  /**
   * Wires paste and drop into {@code area}, the editor of {@code note}, which lives in the folder
   * {@code noteFolder} gives.
   */
  public static EditorDrops install(
      AppContext context, CodeArea area, Supplier<String> noteFolder, Soul note) {
    EditorDrops drops = new EditorDrops(context, area, noteFolder, note);
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if ((PASTE.match(e) || PASTE_INSERT.match(e))
              && area.isEditable()
              && drops.paste(Clipboard.getSystemClipboard())) {
            e.consume();
          }
        });
    area.addEventFilter(
        DragEvent.DRAG_OVER,
        e -> {
          var board = e.getDragboard();
          if (area.isEditable()
              && (board.hasFiles() || board.hasImage() || board.hasContent(NoteDrag.NOTE))) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            e.acceptTransferModes(TransferMode.LINK);
            e.consume();
          }
        });
    area.addEventFilter(
        DragEvent.DRAG_DROPPED,
        e -> {
          var board = e.getDragboard();
          int at = area.hit(e.getX(), e.getY()).getInsertionIndex();
          boolean done = true;
          if (board.hasContent(NoteDrag.NOTE)) {
            drops.insertNoteLink(new Soul((String) board.getContent(NoteDrag.NOTE)), at);
          } else if (board.hasFiles()) {
            drops.storeFiles(board.getFiles(), at);
          } else if (board.hasImage()) {
            drops.storeImage(board.getImage(), at);
          } else {
            done = false;
          }
          if (done) {
            e.setDropCompleted(true);
            e.consume();
          }
        });
    return drops;
  }

  /**
   * Handles a paste if the clipboard holds files or a picture (and no text); returns false to let
   * the editor paste text as usual.
   */
  public boolean paste(Clipboard clipboard) {
    if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
      replaceSelectionFirst();
      storeFiles(clipboard.getFiles(), area.getCaretPosition());
      return true;
    }
    if (clipboard.hasImage() && (!clipboard.hasString() || clipboard.getString().isBlank())) {
      Image image = clipboard.getImage();
      if (image != null) {
        replaceSelectionFirst();
        storeImage(image, area.getCaretPosition());
        return true;
      }
    }
    return false;
  }

  /** Stores a picture as {@code Pasted image <time>.png} and inserts its embed at {@code at}. */
  public void storeImage(Image image, int at) {
    String folder = noteFolder.get();
    byte[] png =
        PngEncoder.encode(image); // reads the pixels: on the FX thread, which owns the image
    String name = AttachmentNames.pastedImage(LocalDateTime.now());
    insertLater(
        at,
        () -> {
          refuseIfPrivate();
          return store.store(folder, name, png);
        },
        "Could not store the pasted image");
  }

  /**
   * Stores files as attachments (Markdown files as notes) and inserts their links at {@code at},
   * one per line.
   */
  public void storeFiles(List<File> files, int at) {
    String folder = noteFolder.get();
    List<File> copy = List.copyOf(files);
    insertLater(
        at,
        () -> {
          refuseIfPrivate();
          List<String> links = new ArrayList<>();
          for (File f : copy) {
            links.add(store.store(folder, f.toPath()));
          }
          return String.join("\n", links);
        },
        copy.size() == 1
            ? "Could not add \"" + copy.get(0).getName() + "\""
            : "Could not add the files");
  }

  /** Inserts a link that reaches note {@code soul} at {@code at}. */
  public void insertNoteLink(Soul soul, int at) {
    String folder = noteFolder.get();
    insertLater(at, () -> store.noteLink(folder, soul).orElse(""), "Could not link the note");
  }

  /**
   * A private note's files are sealed under its key; what the window stores is a plain attachment
   * every replica reads, so it stores nothing for a private note and says how to attach sealed.
   */
  private void refuseIfPrivate() throws Exception {
    var ws = context.workspace();
    if (ws.isPrivate(note)) {
      String title = ws.findNote(note).map(n -> n.title()).orElse("This note");
      throw new PrivateNoteFilesException(title);
    }
  }

  private void replaceSelectionFirst() {
    if (area.getSelection().getLength() > 0) {
      area.replaceSelection("");
    }
  }

  /**
   * Runs {@code work} in the background and inserts the text it returns at {@code at}: where it
   * was, if the text before it is unchanged, else at the caret (someone edited meanwhile).
   */
  private void insertLater(int at, Callable<String> work, String whatFailed) {
    int from = Math.max(0, Math.min(at, area.getLength()));
    String before = area.getText(Math.max(0, from - CONTEXT), from);
    context
        .background()
        .load(
            work,
            link -> {
              if (link.isEmpty() || !area.isEditable()) {
                return;
              }
              int pos =
                  from <= area.getLength()
                          && area.getText(Math.max(0, from - CONTEXT), from).equals(before)
                      ? from
                      : area.getCaretPosition();
              area.insertText(pos, link);
              area.moveTo(pos + link.length());
              area.requestFollowCaret();
            },
            whatFailed);
  }
}
