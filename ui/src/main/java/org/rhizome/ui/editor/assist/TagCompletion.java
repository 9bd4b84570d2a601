package org.rhizome.ui.editor.assist;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.query.TagCount;
import org.rhizome.ui.workbench.AppContext;

/**
 * {@code #tag} completion: typing {@code #} and a letter offers the workspace's tags ({@code
 * Workspace.tags()}, loaded in the background on first use and again after a change) that start
 * with or contain what was typed, most used first. Up/Down choose, Enter or Tab complete the tag
 * and add a space, Escape or a character that cannot be in a tag closes the list.
 *
 * <p>FX thread only.
 */
public final class TagCompletion {
  static final int MAX_SUGGESTIONS = 12;
  private static final double ROW_HEIGHT = 30;

  private final AppContext context;
  private final CodeArea area;
  private final EditorAssist assist;
  private final ListView<TagSuggestions.Tag> list = new ListView<>();
  private @Nullable Popup popup;
  private List<TagSuggestions.Tag> tags = List.of();
  private boolean stale = true;
  private boolean loading;

  TagCompletion(AppContext context, CodeArea area, EditorAssist assist) {
    this.context = context;
    this.area = area;
    this.assist = assist;
    list.getStyleClass().add("tag-completion");
    list.setPrefWidth(260);
    list.setFixedCellSize(ROW_HEIGHT);
    list.setFocusTraversable(false);
    list.setCellFactory(v -> new TagCell());
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            accept();
          }
        });
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    area.plainTextChanges().subscribe(this::afterEdit);
    area.caretPositionProperty()
        .addListener(
            (obs, old, now) -> {
              if (isShowing()) {
                update();
              }
            });
  }

  public boolean isShowing() {
    return popup != null && popup.isShowing();
  }

  /** What the list offers now (tests). */
  public List<TagSuggestions.Tag> suggestions() {
    return List.copyOf(list.getItems());
  }

  void markStale() {
    stale = true;
  }

  /** A typed character right at the caret may start or narrow a tag. */
  private void afterEdit(PlainTextChange change) {
    String inserted = change.getInserted();
    boolean typedHere =
        !inserted.isEmpty()
            && inserted.length() <= 2
            && change.getPosition() + inserted.length() == area.getCaretPosition();
    if (typedHere || isShowing()) {
      if (stale && !loading) {
        load();
      }
      update();
    }
  }

  private void load() {
    loading = true;
    stale = false;
    context
        .background()
        .load(
            () -> {
              List<TagSuggestions.Tag> out = new ArrayList<>();
              for (TagCount t : context.workspace().tags()) {
                String name = t.tag().startsWith("#") ? t.tag().substring(1) : t.tag();
                out.add(new TagSuggestions.Tag(name, t.notes()));
              }
              return List.copyOf(out);
            },
            loaded -> {
              loading = false;
              tags = loaded;
              update();
            },
            "Could not load the tags")
        .exceptionally(
            e -> {
              javafx.application.Platform.runLater(() -> loading = false);
              return null;
            });
  }

  private void update() {
    if (area.getSelection().getLength() > 0) {
      hide();
      return;
    }
    int column = area.getCaretColumn();
    String line = area.getText(area.getCurrentParagraph());
    var typing = TagSuggestions.typingAt(line, column);
    if (typing.isEmpty()) {
      hide();
      return;
    }
    List<TagSuggestions.Tag> found =
        TagSuggestions.suggest(tags, typing.get().typed(), MAX_SUGGESTIONS);
    list.getItems().setAll(found);
    list.setPrefHeight(Math.min(found.size(), 9) * ROW_HEIGHT + 4); // as tall as its entries
    if (found.isEmpty()) {
      hide();
      return;
    }
    list.getSelectionModel().select(0);
    if (!isShowing() && area.getScene() != null && area.getScene().getWindow() != null) {
      area.getCaretBounds().ifPresent(b -> popup().show(area, b.getMinX(), b.getMaxY() + 2));
    }
  }

  private Popup popup() {
    if (popup == null) {
      popup = new Popup();
      popup.getContent().add(list);
      popup.setAutoHide(true);
    }
    return popup;
  }

  private void onKey(KeyEvent e) {
    if (!isShowing() || e.isConsumed()) {
      return;
    }
    CompletionKeys.handle(e, list, this::accept, this::hide);
  }

  /** Completes the tag being typed with the chosen one. */
  public void accept() {
    TagSuggestions.Tag chosen = list.getSelectionModel().getSelectedItem();
    hide();
    if (chosen == null) {
      return;
    }
    int paragraph = area.getCurrentParagraph();
    int column = area.getCaretColumn();
    var typing = TagSuggestions.typingAt(area.getText(paragraph), column);
    if (typing.isEmpty()) {
      return;
    }
    int caret = area.getCaretPosition();
    AssistEdit edit =
        TagSuggestions.complete(typing.get(), column, chosen.name(), assist.charAt(caret));
    assist.apply(edit.shifted(area.getAbsolutePosition(paragraph, 0)));
  }

  void hide() {
    if (popup != null) {
      popup.hide();
    }
  }

  private static final class TagCell extends ListCell<TagSuggestions.Tag> {
    @Override
    protected void updateItem(TagSuggestions.Tag tag, boolean empty) {
      super.updateItem(tag, empty);
      if (empty || tag == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      Label count = new Label(Integer.toString(tag.notes()));
      count.getStyleClass().add("text-muted");
      setGraphic(new HBox(8, new Label("#" + tag.name()), gap, count));
      setText(null);
    }
  }
}
