package org.rhizome.ui.editor;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.ui.switcher.NoteNameIndex;

/**
 * {@code [[} completion: once the person types {@code [[}, a list under the caret offers note
 * titles and aliases matching what follows, fuzzily. Up/Down choose, Enter or Tab insert
 * {@code Name]]}, Escape (or moving out of the link) closes it.
 *
 * <p>FX thread only.
 */
final class LinkCompletion {
  static final int MAX_SUGGESTIONS = 12;

  private final CodeArea area;
  private final NoteNameIndex names;
  /** Built on the first {@code [[}: most editors never complete a link, and opening a note should not pay for it. */
  private @org.jspecify.annotations.Nullable Popup popup;
  private final ListView<NoteNameIndex.Match> list = new ListView<>();
  /** Offset just after the {@code [[} being completed; -1 when inactive. */
  private int linkStart = -1;

  LinkCompletion(CodeArea area, NoteNameIndex names) {
    this.area = area;
    this.names = names;
    list.getStyleClass().add("link-completion");
    list.setPrefWidth(360);
    list.setPrefHeight(260);
    list.setCellFactory(v -> new SuggestionCell());
    list.setFocusTraversable(false);
    list.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        accept();
      }
    });
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    area.caretPositionProperty().addListener((obs, old, now) -> {
      if (linkStart >= 0) {
        update();
      }
    });
  }

  boolean isShowing() {
    return popup != null && popup.isShowing();
  }

  private Popup popup() {
    if (popup == null) {
      popup = new Popup();
      popup.getContent().add(list);
      popup.setAutoHide(true);
      popup.setOnHidden(e -> linkStart = -1);
    }
    return popup;
  }

  List<NoteNameIndex.Match> suggestions() {
    return List.copyOf(list.getItems());
  }

  /** Called after each edit; starts completion when the text before the caret ends with {@code [[}. */
  void afterEdit(String inserted) {
    int caret = area.getCaretPosition();
    if (linkStart < 0 && !inserted.isEmpty() && inserted.endsWith("[") && caret >= 2
        && area.getText(caret - 2, caret).equals("[[")) {
      linkStart = caret;
      names.refresh(this::update);
    }
  }

  private void update() {
    int caret = area.getCaretPosition();
    if (linkStart < 0 || caret < linkStart) {
      hide();
      return;
    }
    String typed = area.getText(linkStart, caret);
    if (typed.contains("]") || typed.contains("\n") || typed.contains("[") || typed.length() > 200) {
      hide();
      return;
    }
    List<NoteNameIndex.Match> matches = names.match(typed, MAX_SUGGESTIONS);
    list.getItems().setAll(matches);
    if (matches.isEmpty()) {
      if (popup != null) {
        popup.hide();
      }
      linkStart = caret >= linkStart ? linkStart : -1;
      return;
    }
    list.getSelectionModel().select(0);
    if (!isShowing()) {
      area.getCaretBounds().ifPresent(this::showAt);
    }
  }

  private void showAt(Bounds caret) {
    if (area.getScene() == null || area.getScene().getWindow() == null) {
      return;
    }
    int keep = linkStart;
    popup().show(area, caret.getMinX(), caret.getMaxY() + 2);
    linkStart = keep;
  }

  private void onKey(KeyEvent e) {
    if (!isShowing()) {
      return;
    }
    KeyCode code = e.getCode();
    if (code == KeyCode.DOWN || code == KeyCode.UP) {
      int i = list.getSelectionModel().getSelectedIndex() + (code == KeyCode.DOWN ? 1 : -1);
      if (i >= 0 && i < list.getItems().size()) {
        list.getSelectionModel().select(i);
        list.scrollTo(i);
      }
      e.consume();
    } else if (code == KeyCode.ENTER || code == KeyCode.TAB) {
      accept();
      e.consume();
    } else if (code == KeyCode.ESCAPE) {
      hide();
      e.consume();
    }
  }

  /** Inserts the chosen name and the closing brackets. */
  void accept() {
    NoteNameIndex.Match chosen = list.getSelectionModel().getSelectedItem();
    int start = linkStart;
    hide();
    if (chosen == null || start < 0) {
      return;
    }
    int caret = area.getCaretPosition();
    String after = area.getText(caret, Math.min(area.getLength(), caret + 2));
    String closing = after.equals("]]") ? "" : "]]";
    area.replaceText(start, caret, chosen.entry().name().name() + closing);
    area.moveTo(start + chosen.entry().name().name().length() + 2);
  }

  void hide() {
    linkStart = -1;
    if (popup != null) {
      popup.hide();
    }
  }

  private static final class SuggestionCell extends ListCell<NoteNameIndex.Match> {
    @Override
    protected void updateItem(NoteNameIndex.Match item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(item.entry().name().name());
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox row = new HBox(8, name, gap);
      if (item.entry().name().isAlias()) {
        Label of = new Label("→ " + item.entry().note().title());
        of.getStyleClass().add("text-muted");
        row.getChildren().add(of);
      }
      setGraphic(row);
      setText(null);
    }
  }
}
