package org.rhizome.ui.editor.assist;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.ui.workbench.AppContext;

/**
 * The editing helpers of one note editor: list continuation on Enter, bracket and quote pairing,
 * {@code #tag} completion and the find/replace bar. Each rule is a pure function ({@link
 * ListContinuation}, {@link BracketPairing}, {@link TagSuggestions}, {@link FindMatches}); this
 * class reads the few characters they need from the area and applies their answer through {@link
 * #apply}, i.e. the area's own edit methods, so every helper edit is a normal editor edit: it
 * becomes a splice, syncs, and undoes like typing.
 *
 * <p>FX thread only.
 */
public final class EditorAssist {
  /** The sheet of the helpers' own controls (the find bar, the title's message). */
  public static final String CSS = EditorAssist.class.getResource("assist.css").toExternalForm();

  /** What the helpers need from the editor they are attached to. */
  public interface Host {
    /** True when a code fence is open at the start of {@code paragraph}. */
    boolean insideFence(int paragraph);

    /** True while another popup ({@code [[} completion) owns the arrow keys and Enter. */
    boolean completionShowing();

    /**
     * Called after a helper edit, so {@code [[} completion can start on an inserted {@code [[]]}.
     */
    void afterAssistEdit();
  }

  private final CodeArea area;
  private final Host host;
  private final TagCompletion tags;
  private final FindReplaceBar find;
  private final BorderPane root;

  public EditorAssist(AppContext context, CodeArea area, Node editorNode, Host host) {
    this.area = area;
    this.host = host;
    this.tags = new TagCompletion(context, area, this);
    this.find = new FindReplaceBar(area, this);
    this.root = new BorderPane(editorNode);
    root.setTop(find.node());
    root.getStylesheets().add(CSS);
    area.addEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::onPressed);
  }

  /** The editor with the find bar above it: what the tab shows. */
  public Node node() {
    return root;
  }

  public FindReplaceBar find() {
    return find;
  }

  public TagCompletion tags() {
    return tags;
  }

  /** A committed change somewhere: the tag list may be out of date. */
  public void onChanges(ChangeEvent event) {
    tags.markStale();
  }

  public void close() {
    tags.hide();
  }

  /**
   * Applies a helper's edit through the area's edit methods (one undoable step; several
   * replacements go in as one multi-change, in order, each at its position in the text the earlier
   * ones left), then sets the selection.
   */
  public void apply(AssistEdit edit) {
    var replacements = edit.replacements();
    if (replacements.size() == 1) {
      AssistEdit.Replacement r = replacements.get(0);
      area.replaceText(r.start(), r.end(), r.text());
    } else if (replacements.size() > 1) {
      MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(replacements.size());
      int shift = 0;
      for (AssistEdit.Replacement r : replacements) {
        // "Absolutely": at this position of the text the earlier replacements left (the plain
        // replaceText would shift it by them a second time).
        change.replaceTextAbsolutely(r.start() + shift, r.end() + shift, r.text());
        shift += r.text().length() - (r.end() - r.start());
      }
      change.commit();
    }
    area.selectRange(edit.anchor(), edit.caret());
    area.requestFollowCaret();
    host.afterAssistEdit();
  }

  private boolean plainKey(KeyEvent e) {
    return !e.isConsumed()
        && area.isEditable()
        && !e.isShortcutDown()
        && !e.isControlDown()
        && !e.isMetaDown();
  }

  private void onTyped(KeyEvent e) {
    String s = e.getCharacter();
    // Ctrl+Alt is AltGr on Windows: a character, not a shortcut.
    boolean character =
        !e.isConsumed()
            && area.isEditable()
            && (!(e.isControlDown() || e.isMetaDown()) || e.isAltDown());
    if (!character || s.length() != 1) {
      return;
    }
    int start = area.getSelection().getStart();
    int end = area.getSelection().getEnd();
    Optional<AssistEdit> edit =
        BracketPairing.typed(s.charAt(0), charAt(start - 1), charAt(end), start, end);
    edit.ifPresent(
        ed -> {
          e.consume();
          apply(ed);
        });
  }

  private void onPressed(KeyEvent e) {
    if (!plainKey(e) || e.isAltDown()) {
      return;
    }
    if (e.getCode() == KeyCode.ENTER
        && !e.isShiftDown()
        && !host.completionShowing()
        && !tags.isShowing()
        && area.getSelection().getLength() == 0) {
      int paragraph = area.getCurrentParagraph();
      String line = area.getText(paragraph);
      ListContinuation.onEnter(line, area.getCaretColumn(), host.insideFence(paragraph))
          .ifPresent(
              ed -> {
                e.consume();
                apply(ed.shifted(area.getAbsolutePosition(paragraph, 0)));
              });
    } else if (e.getCode() == KeyCode.BACK_SPACE
        && !e.isShiftDown()
        && area.getSelection().getLength() == 0) {
      int caret = area.getCaretPosition();
      BracketPairing.backspace(charAt(caret - 1), charAt(caret), caret)
          .ifPresent(
              ed -> {
                e.consume();
                apply(ed);
              });
    }
  }

  /** The char at {@code offset}, or {@link BracketPairing#NONE} outside the text. */
  int charAt(int offset) {
    return offset < 0 || offset >= area.getLength()
        ? BracketPairing.NONE
        : area.getText(offset, offset + 1).charAt(0);
  }
}
