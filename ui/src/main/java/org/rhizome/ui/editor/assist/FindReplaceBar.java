package org.rhizome.ui.editor.assist;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;

/**
 * Find and replace in the open note (Ctrl/Cmd-F, Ctrl/Cmd-H): a bar above the editor with the
 * query, the match count ("3 of 12"), previous/next, a case toggle, and — for replace — the
 * replacement, Replace (this match, then the next) and Replace all (one undoable edit). Enter and
 * Shift-Enter go to the next and previous match, Escape closes the bar and returns to the text.
 * Matches are found again (after a short pause) when the text changes while the bar is open, so a
 * keystroke in the note never pays for a search.
 *
 * <p>FX thread only.
 */
public final class FindReplaceBar {
  private static final Duration REFRESH_DELAY = Duration.millis(150);

  private final CodeArea area;
  private final EditorAssist assist;
  private final TextField query = new TextField();
  private final TextField replacement = new TextField();
  private final Label count = new Label();
  private final ToggleButton matchCase = new ToggleButton("Aa");
  private final HBox replaceRow;
  private final VBox bar;
  private final PauseTransition refresh = new PauseTransition(REFRESH_DELAY);
  private int[] matches = new int[0];
  private int current = -1;

  FindReplaceBar(CodeArea area, EditorAssist assist) {
    this.area = area;
    this.assist = assist;
    query.setPromptText("Find");
    query.getStyleClass().add("find-query");
    replacement.setPromptText("Replace with");
    replacement.getStyleClass().add("find-replacement");
    count.getStyleClass().addAll("find-count", "text-muted");
    count.setMinWidth(80);
    matchCase.setTooltip(new Tooltip("Match case"));
    matchCase.setFocusTraversable(false);
    Button previous = button("↑", "Previous match (Shift-Enter)", this::previous);
    Button next = button("↓", "Next match (Enter)", this::next);
    Button close = button("✕", "Close (Escape)", this::close);
    Button replaceOne =
        button("Replace", "Replace this match and go to the next", this::replaceCurrent);
    Button replaceAll = button("Replace all", "Replace every match (one undo)", this::replaceAll);
    HBox.setHgrow(query, Priority.ALWAYS);
    HBox.setHgrow(replacement, Priority.ALWAYS);
    HBox findRow = new HBox(6, query, count, previous, next, matchCase, close);
    findRow.setAlignment(Pos.CENTER_LEFT);
    replaceRow = new HBox(6, replacement, replaceOne, replaceAll);
    replaceRow.setAlignment(Pos.CENTER_LEFT);
    bar = new VBox(6, findRow, replaceRow);
    bar.getStyleClass().add("find-bar");
    bar.setPadding(new Insets(6, 16, 6, 16));
    show(bar, false);
    query.textProperty().addListener((obs, was, now) -> search(true));
    matchCase.selectedProperty().addListener((obs, was, now) -> search(true));
    query.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    replacement.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            replaceCurrent();
            e.consume();
          } else {
            onKey(e);
          }
        });
    // The fields would take Ctrl-H (delete a character on some platforms) before the window's
    // shortcut.
    bar.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown()
              && !e.isAltDown()
              && (e.getCode() == KeyCode.F || e.getCode() == KeyCode.H)) {
            open(e.getCode() == KeyCode.H || replaceRow.isVisible() && e.getCode() != KeyCode.F);
            e.consume();
          }
        });
    refresh.setOnFinished(e -> search(false));
    area.plainTextChanges()
        .subscribe(
            c -> {
              if (isOpen()) {
                refresh.playFromStart();
              }
            });
  }

  private static Button button(String text, String tip, Runnable action) {
    Button b = new Button(text);
    b.setTooltip(new Tooltip(tip));
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static void show(Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
  }

  Node node() {
    return bar;
  }

  public boolean isOpen() {
    return bar.isVisible();
  }

  /** Opens the bar for finding (Ctrl/Cmd-F): a one-line selection becomes the query. */
  public void openFind() {
    open(false);
  }

  /** Opens the bar with the replace row (Ctrl/Cmd-H). */
  public void openReplace() {
    open(true);
  }

  private void open(boolean withReplace) {
    String selected = area.getSelectedText();
    show(bar, true);
    show(replaceRow, withReplace);
    if (!selected.isEmpty() && selected.indexOf('\n') < 0 && selected.length() <= 200) {
      query.setText(selected);
    } else {
      search(false);
    }
    query.requestFocus();
    query.selectAll();
  }

  /**
   * Hides the bar and puts the caret back in the text (at the current match, which stays selected).
   */
  public void close() {
    refresh.stop();
    show(bar, false);
    area.requestFocus();
  }

  public TextField queryField() {
    return query;
  }

  public TextField replacementField() {
    return replacement;
  }

  public ToggleButton matchCaseToggle() {
    return matchCase;
  }

  /** "3 of 12", "No results" or "". */
  public String countText() {
    return count.getText();
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE) {
      close();
      e.consume();
    } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3) {
      if (e.isShiftDown()) {
        previous();
      } else {
        next();
      }
      e.consume();
    }
  }

  /**
   * Finds the matches again; {@code select}: also selects the first one from the caret on (as the
   * query is typed).
   */
  private void search(boolean select) {
    String q = query.getText();
    matches = FindMatches.find(area.getText(), q, matchCase.isSelected());
    if (select) {
      current = FindMatches.nextFrom(matches, area.getSelection().getStart());
      selectCurrent();
    } else {
      // Keep the match that is selected, if it still is one.
      current = java.util.Arrays.binarySearch(matches, area.getSelection().getStart());
      if (current < 0 || area.getSelection().getLength() != q.length()) {
        current = -1;
      }
    }
    count.setText(FindMatches.label(current, matches.length, !q.isEmpty()));
  }

  public void next() {
    refreshIfStale();
    current =
        FindMatches.nextFrom(
            matches,
            area.getSelection().getLength() > 0
                ? area.getSelection().getStart() + 1
                : area.getCaretPosition());
    selectCurrent();
  }

  public void previous() {
    refreshIfStale();
    current = FindMatches.previousBefore(matches, area.getSelection().getStart());
    selectCurrent();
  }

  private void refreshIfStale() {
    if (refresh.getStatus() == javafx.animation.Animation.Status.RUNNING) {
      refresh.stop();
      search(false);
    }
  }

  private void selectCurrent() {
    if (current >= 0) {
      int start = matches[current];
      area.selectRange(start, start + query.getText().length());
      area.requestFollowCaret();
    }
    count.setText(FindMatches.label(current, matches.length, !query.getText().isEmpty()));
  }

  /** Replaces the selected match (if the selection is one) and goes to the next. */
  public void replaceCurrent() {
    refreshIfStale();
    int start = area.getSelection().getStart();
    int i = java.util.Arrays.binarySearch(matches, start);
    if (i >= 0 && area.getSelection().getLength() == query.getText().length()) {
      String with = replacement.getText();
      assist.apply(
          AssistEdit.replace(start, start + query.getText().length(), with, start + with.length()));
      search(false);
      current = FindMatches.nextFrom(matches, start + with.length());
      selectCurrent();
    } else {
      next();
    }
  }

  /** Replaces every match as one edit (one undo). */
  public void replaceAll() {
    refresh.stop();
    matches = FindMatches.find(area.getText(), query.getText(), matchCase.isSelected());
    if (matches.length > 0) {
      assist.apply(
          FindMatches.replaceAll(matches, query.getText().length(), replacement.getText()));
    }
    search(false);
  }
}
