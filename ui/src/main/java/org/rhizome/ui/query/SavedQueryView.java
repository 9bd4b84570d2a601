package org.rhizome.ui.query;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.lang.SavedQuery;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.ChangedNotes;

/**
 * A saved query (a note marked {@code type: query}, see {@link SavedQuery}) open as a view in a
 * tab: its result as a table, cards or a board (the block's {@code view:} line), live on every
 * committed change — local, from a peer, or from another process on the same file. When the note
 * itself changes (its query edited here or elsewhere) the view runs the new text. "Edit query"
 * opens the note in an editor. FX thread only; the note is read in the background.
 */
public final class SavedQueryView extends VBox {
  private final AppContext context;
  private final Soul soul;
  private final Label title = new Label("Query");
  private final Label problem = new Label();
  private final QueryView view;
  private final AutoCloseable changes;
  private @Nullable String shownView;
  private boolean closed;

  public SavedQueryView(AppContext context, Soul soul) {
    this.context = context;
    this.soul = soul;
    getStyleClass().add("saved-query-view");
    title.getStyleClass().addAll("title-4", "saved-query-title");
    problem.getStyleClass().addAll("text-muted", "saved-query-problem");
    problem.setWrapText(true);
    problem.setVisible(false);
    problem.setManaged(false);
    Button edit = new Button("Edit query");
    edit.getStyleClass().add("saved-query-edit");
    // The editor, not this view again: MainWindow opens the note as text.
    edit.setOnAction(e -> context.window().openNote(soul));
    HBox spacer = new HBox();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(8, title, spacer, edit);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 8, 0, 8));
    view =
        new QueryView(
            context.workspace(),
            "",
            context::openNote,
            e -> context.errors().report("Could not change the note", e));
    view.useSettings(context.settings());
    view.queryField().setEditable(false); // the note holds the query: edit it there
    VBox.setVgrow(view, Priority.ALWAYS);
    getChildren().addAll(top, problem, view);
    changes =
        context.onChanges(
            event -> {
              if (ChangedNotes.of(event).contains(soul)) {
                reload();
              }
            });
    reload();
  }

  /** The note's title (the tab shows it). */
  public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
    return title.textProperty();
  }

  public Soul soul() {
    return soul;
  }

  /** The live query view inside (its field shows the saved text, read-only). */
  public QueryView queryView() {
    return view;
  }

  /** Reads the note again and runs its query if it changed. */
  private void reload() {
    context
        .background()
        .load(
            () -> context.workspace().findNote(soul), this::show, "Could not read the saved query");
  }

  private void show(Optional<Note> note) {
    if (closed) {
      return;
    }
    if (note.isEmpty()) {
      say("The note of this query was deleted.");
      view.setQuery("");
      return;
    }
    title.setText(note.get().title());
    Optional<SavedQuery> saved = SavedQuery.of(note.get().body());
    if (saved.isEmpty() || saved.get().isEmpty()) {
      say(
          saved.isEmpty()
              ? "This note is no longer a saved query (its front matter has no \"type: query\")."
              : "This note has no ```query block yet: add one with \"Edit query\".");
      return;
    }
    say(null);
    if (!saved.get().view().equals(shownView)) {
      shownView = saved.get().view();
      view.modeChoice().setValue(QueryView.modeOf(shownView));
    }
    view.setQuery(saved.get().text());
  }

  private void say(@Nullable String text) {
    problem.setText(text == null ? "" : text);
    problem.setVisible(text != null);
    problem.setManaged(text != null);
  }

  /** Stops the live query and the change listener (the tab closes). */
  public void close() {
    closed = true;
    view.close();
    try {
      changes.close();
    } catch (Exception e) {
      // Closing a subscription does not fail in practice; nothing to keep.
    }
  }
}
