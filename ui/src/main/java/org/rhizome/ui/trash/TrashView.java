package org.rhizome.ui.trash;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.trash.RestoredNote;
import org.rhizome.graph.trash.TrashedNote;
import org.rhizome.ui.history.AuthorNames;
import org.rhizome.ui.workbench.AppContext;

/**
 * The trash, in the sidebar: deleted notes, the most recently deleted first, each with who deleted
 * it and when; "Restore" brings the selected one back (and opens it), "Empty Trash…" asks first,
 * then clears every deleted note for good on every replica. Follows the workspace: a delete or a
 * restore anywhere (here, the CLI, a peer) reloads the list.
 *
 * <p>FX thread only; reads the workspace in the background.
 */
public final class TrashView {
  /** The list shows at most this many (the count above it says how many there are). */
  static final int MAX_SHOWN = 5_000;

  static final String EMPTY_BUTTON = "Empty Trash";

  private final AppContext context;
  private final ListView<TrashRow> list = new ListView<>();
  private final Label count = new Label();
  private final Label status = new Label();
  private final Button restore = new Button("Restore");
  private final Button empty = new Button(EMPTY_BUTTON + "…");
  private final BorderPane root = new BorderPane();
  private final PauseTransition reloadLater = new PauseTransition(Duration.millis(150));
  private Predicate<Integer> confirmEmpty = this::askToEmpty;
  private int generation;
  private boolean busy;

  public TrashView(AppContext context) {
    this.context = context;
    list.getStyleClass().add("trash-list");
    list.setCellFactory(v -> new TrashCell());
    list.setPlaceholder(new Label("The trash is empty"));
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> updateButtons());
    restore.getStyleClass().add(Styles.ACCENT);
    restore.setTooltip(
        new Tooltip("Bring the selected note back: its title, text, folder and links"));
    restore.setOnAction(e -> restoreSelected());
    empty.getStyleClass().add(Styles.DANGER);
    empty.setTooltip(
        new Tooltip(
            "Clear every note in the trash for good, on every device that syncs this workspace"));
    empty.setOnAction(e -> emptyTrash());
    for (Button b : List.of(restore, empty)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    status.setWrapText(true);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox tools = new HBox(8, restore, spring, empty);
    tools.setAlignment(Pos.CENTER_LEFT);
    VBox bottom = new VBox(6, tools, status);
    bottom.setPadding(new Insets(8, 0, 0, 0));
    root.setTop(count);
    BorderPane.setMargin(count, new Insets(0, 0, 6, 0));
    root.setCenter(list);
    root.setBottom(bottom);
    root.setPadding(new Insets(8));
    root.getStyleClass().add("trash-view");
    reloadLater.setOnFinished(e -> reload());
    context.onChanges(
        event -> {
          boolean relevant =
              event.changes().stream()
                  .flatMap(c -> c.ops().stream())
                  .anyMatch(
                      op ->
                          op instanceof Op.SetField set
                              && (set.field().equals(NoteFields.DELETED)
                                  || set.field().equals(NoteFields.TYPE)
                                  || set.field().equals(NoteFields.TITLE)));
          if (relevant) {
            reloadLater.playFromStart();
          }
        });
    updateButtons();
  }

  public Node node() {
    return root;
  }

  /** Reads the trash again. */
  public void reload() {
    int mine = ++generation;
    Workspace ws = context.workspace();
    context
        .background()
        .load(
            () -> {
              AuthorNames names = new AuthorNames(ws);
              List<TrashRow> rows = new ArrayList<>();
              for (TrashedNote t : ws.trash(MAX_SHOWN)) {
                rows.add(new TrashRow(t, names.of(t.deletedBy())));
              }
              return new Loaded(rows, ws.trashCount());
            },
            loaded -> {
              if (mine == generation) {
                show(loaded);
              }
            },
            "Could not read the trash");
  }

  private record Loaded(List<TrashRow> rows, long total) {}

  private void show(Loaded loaded) {
    Optional<TrashRow> selected = Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    list.setItems(FXCollections.observableArrayList(loaded.rows()));
    selected.ifPresent(
        s ->
            loaded.rows().stream()
                .filter(r -> r.note().soul().equals(s.note().soul()))
                .findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r)));
    count.setText(
        loaded.total() == 0
            ? "No deleted notes"
            : loaded.total() == 1
                ? "1 deleted note"
                : loaded.total() > loaded.rows().size()
                    ? "The latest "
                        + loaded.rows().size()
                        + " of "
                        + loaded.total()
                        + " deleted notes"
                    : loaded.total() + " deleted notes");
    updateButtons();
  }

  private void updateButtons() {
    restore.setDisable(busy || list.getSelectionModel().getSelectedItem() == null);
    empty.setDisable(busy || list.getItems().isEmpty());
  }

  private void restoreSelected() {
    TrashRow row = list.getSelectionModel().getSelectedItem();
    if (row == null || busy) {
      return;
    }
    busy = true;
    updateButtons();
    status.setText("Restoring \"" + row.note().title() + "\"…");
    context
        .workspace()
        .restoreNoteAsync(row.note().soul())
        .whenComplete(
            (restored, failure) ->
                javafx.application.Platform.runLater(() -> restored(row, restored, failure)));
  }

  private void restored(TrashRow row, RestoredNote restored, Throwable failure) {
    busy = false;
    if (failure != null) {
      Throwable cause =
          failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      if (cause instanceof NoteException) {
        status.setText(cause.getMessage());
      } else {
        status.setText("Could not restore \"" + row.note().title() + "\".");
        context.errors().report("Could not restore \"" + row.note().title() + "\"", cause);
      }
    } else {
      status.setText(
          restored.retitled()
              ? "Restored as \""
                  + restored.title()
                  + "\": \""
                  + restored.formerTitle()
                  + "\" is taken in its folder."
              : "Restored \"" + restored.title() + "\".");
      context.openNote(restored.soul());
    }
    reload();
  }

  private void emptyTrash() {
    int n = list.getItems().size();
    if (n == 0 || busy || !confirmEmpty.test(n)) {
      return;
    }
    busy = true;
    updateButtons();
    status.setText("Emptying the trash…");
    context
        .workspace()
        .emptyTrashAsync()
        .whenComplete(
            (emptied, failure) ->
                javafx.application.Platform.runLater(
                    () -> {
                      busy = false;
                      if (failure != null) {
                        status.setText("Could not empty the trash.");
                        context.errors().report("Could not empty the trash", failure);
                      } else {
                        status.setText(
                            emptied == 1
                                ? "Emptied the trash: 1 note cleared."
                                : "Emptied the trash: " + emptied + " notes cleared.");
                      }
                      reload();
                    }));
  }

  /** The confirmation: says what emptying does, and that it cannot be undone from the trash. */
  private boolean askToEmpty(int shown) {
    ButtonType really = new ButtonType(EMPTY_BUTTON, ButtonBar.ButtonData.OK_DONE);
    Alert confirm =
        new Alert(
            Alert.AlertType.WARNING,
            "The "
                + (shown == 1 ? "deleted note" : shown + " deleted notes")
                + " will be cleared for good: "
                + "titles, text and folders, here and on every device this workspace syncs with. They can no longer be "
                + "restored from the trash.",
            ButtonType.CANCEL,
            really);
    confirm.setHeaderText("Empty the trash?");
    confirm.setTitle(EMPTY_BUTTON);
    confirm.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    ((Button) confirm.getDialogPane().lookupButton(really)).setDefaultButton(false);
    return confirm.showAndWait().filter(b -> b == really).isPresent();
  }

  // ---- for tests

  ListView<TrashRow> list() {
    return list;
  }

  Button restoreButton() {
    return restore;
  }

  Button emptyButton() {
    return empty;
  }

  Label statusLabel() {
    return status;
  }

  Label countLabel() {
    return count;
  }
}
