package org.rhizome.ui.sidebar;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.TagCount;
import org.rhizome.ui.workbench.AppContext;

/**
 * The sidebar's tags: every tag with its note count (most used first); choosing one lists its notes
 * below. FX thread only.
 */
public final class TagListView {
  static final int MAX_NOTES_PER_TAG = 5_000;

  private final AppContext context;
  private final ListView<TagCount> tags = new ListView<>();
  private final ListView<NoteRef> notes = new ListView<>();
  private final Label heading = new Label("Choose a tag");
  private final SplitPane root;
  private final PauseTransition reloadLater = new PauseTransition(Duration.seconds(2));

  public TagListView(AppContext context) {
    this.context = context;
    tags.getStyleClass().add("tag-list");
    tags.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(TagCount item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "#" + item.tag() + "   " + item.notes());
              }
            });
    tags.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, tag) -> {
              if (tag != null) {
                loadNotes(tag.tag());
              }
            });
    notes.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(NoteRef item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
              }
            });
    notes.setOnMouseClicked(e -> openSelected());
    notes.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
          }
        });
    heading.getStyleClass().add("text-muted");
    VBox lower = new VBox(4, heading, notes);
    lower.setPadding(new Insets(6, 0, 0, 0));
    VBox.setVgrow(notes, javafx.scene.layout.Priority.ALWAYS);
    root = new SplitPane(tags, lower);
    root.setOrientation(Orientation.VERTICAL);
    root.setDividerPositions(0.55);
    root.setPadding(new Insets(8));
    reloadLater.setOnFinished(e -> reload());
    context.onChanges(e -> reloadLater.playFromStart());
  }

  public Node node() {
    return root;
  }

  /** Selects a tag (from a chip in the right pane) and lists its notes. */
  public void showTag(String tag) {
    for (TagCount t : tags.getItems()) {
      if (t.tag().equalsIgnoreCase(tag)) {
        tags.getSelectionModel().select(t);
        tags.scrollTo(t);
        return;
      }
    }
    loadNotes(tag);
  }

  public void reload() {
    context
        .background()
        .load(
            () -> context.workspace().tags(),
            loaded -> {
              TagCount selected = tags.getSelectionModel().getSelectedItem();
              tags.getItems().setAll(loaded);
              if (selected != null) {
                loaded.stream()
                    .filter(t -> t.tag().equalsIgnoreCase(selected.tag()))
                    .findFirst()
                    .ifPresent(t -> tags.getSelectionModel().select(t));
              }
            },
            "Could not list the tags");
  }

  private void loadNotes(String tag) {
    heading.setText("#" + tag);
    context
        .background()
        .load(
            () -> context.workspace().notesTagged(tag, MAX_NOTES_PER_TAG),
            (List<NoteRef> found) -> notes.getItems().setAll(found),
            "Could not list the notes tagged #" + tag);
  }

  private void openSelected() {
    NoteRef n = notes.getSelectionModel().getSelectedItem();
    if (n != null) {
      context.openNote(n.soul());
    }
  }
}
