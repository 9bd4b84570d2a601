package org.rhizome.ui.sidebar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Soul;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.shell.AppContext;

/**
 * The sidebar's list of notes: every note, filtered as you type, sorted by title or by time, the
 * open note highlighted. Reloaded in the background a moment after changes settle.
 *
 * <p>FX thread only.
 */
public final class NoteListView {
  /** Beyond this a list is not a way to find a note; the switcher and search are. */
  static final int MAX_LISTED = 200_000;

  private final AppContext context;
  private final ObservableList<NoteRef> notes = FXCollections.observableArrayList();
  private final FilteredList<NoteRef> filtered = new FilteredList<>(notes);
  private final SortedList<NoteRef> sorted = new SortedList<>(filtered);
  private final ListView<NoteRef> list = new ListView<>(sorted);
  private final TextField filter = new TextField();
  private final ComboBox<NoteSort> sort = new ComboBox<>(FXCollections.observableArrayList(NoteSort.values()));
  private final Label count = new Label();
  private final PauseTransition reloadLater = new PauseTransition(Duration.millis(400));
  private final VBox root;
  private @Nullable Soul active;

  public NoteListView(AppContext context) {
    this.context = context;
    filter.setPromptText("Filter notes");
    filter.getStyleClass().add("sidebar-filter");
    filter.textProperty().addListener((obs, old, text) -> {
      String needle = text.strip().toLowerCase(Locale.ROOT);
      filtered.setPredicate(needle.isEmpty() ? null : n -> n.title().toLowerCase(Locale.ROOT).contains(needle));
      updateCount();
    });
    filter.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN) {
        list.requestFocus();
        list.getSelectionModel().selectFirst();
      } else if (e.getCode() == KeyCode.ENTER && !sorted.isEmpty()) {
        context.openNote(sorted.get(0).soul());
      }
    });
    sort.getSelectionModel().select(NoteSort.TITLE);
    sort.setMaxWidth(Double.MAX_VALUE);
    sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
        () -> sort.getValue().order(), sort.valueProperty()));
    list.setCellFactory(v -> new NoteCell());
    list.getStyleClass().add("note-list");
    list.setOnMouseClicked(e -> openSelected());
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        openSelected();
      }
    });
    count.getStyleClass().addAll("text-muted", "text-small");
    HBox.setHgrow(sort, Priority.ALWAYS);
    HBox tools = new HBox(6, sort);
    VBox.setVgrow(list, Priority.ALWAYS);
    root = new VBox(6, filter, tools, list, count);
    root.setPadding(new Insets(8));
    reloadLater.setOnFinished(e -> reload());
    context.onChanges(event -> reloadLater.playFromStart());
    reload();
  }

  public Node node() {
    return root;
  }

  public ListView<NoteRef> listView() {
    return list;
  }

  public ComboBox<NoteSort> sort() {
    return sort;
  }

  public TextField filter() {
    return filter;
  }

  /** Marks the open note. */
  public void setActive(@Nullable Soul soul) {
    this.active = soul;
    list.refresh();
  }

  public void reload() {
    context.background().load(() -> context.workspace().listNotes(MAX_LISTED), loaded -> {
      NoteRef selected = list.getSelectionModel().getSelectedItem();
      notes.setAll(loaded);
      if (selected != null) {
        for (NoteRef n : sorted) {
          if (n.soul().equals(selected.soul())) {
            list.getSelectionModel().select(n);
            break;
          }
        }
      }
      updateCount();
    }, "Could not list the notes");
  }

  private void updateCount() {
    int shown = filtered.size();
    int all = notes.size();
    count.setText(shown == all ? all + (all == 1 ? " note" : " notes") : shown + " of " + all + " notes");
  }

  private void openSelected() {
    NoteRef n = list.getSelectionModel().getSelectedItem();
    if (n != null) {
      context.openNote(n.soul());
    }
  }

  List<NoteRef> shown() {
    return new ArrayList<>(sorted);
  }

  private final class NoteCell extends ListCell<NoteRef> {
    @Override
    protected void updateItem(NoteRef item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.title());
      getStyleClass().remove("active-note");
      if (!empty && item != null && item.soul().equals(active)) {
        getStyleClass().add("active-note");
      }
    }
  }
}
