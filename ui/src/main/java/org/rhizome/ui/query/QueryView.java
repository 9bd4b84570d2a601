package org.rhizome.ui.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.lang.LiveQuery;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.tasks.Dates;
import org.rhizome.ui.settings.Settings;

/**
 * A live query in a tab: the query's text above, its result below (a list of notes with their
 * columns, or of tasks with real checkboxes), re-rendered whenever a committed change — typed here
 * or arriving from a peer — changes the result ({@link LiveQuery}). Ticking a task is a one-character
 * edit of its note. A query that does not parse shows its error in place of the result. Clicking a
 * row opens its note. FX thread only; queries run on the live query's own thread.
 */
public class QueryView extends VBox {
  /** One line of the result list. */
  public sealed interface Item permits Heading, NoteItem, TaskItem {}

  public record Heading(String text) implements Item {}

  public record NoteItem(QueryResult.Row row) implements Item {}

  public record TaskItem(QueryResult.Row row) implements Item {}

  private final Workspace workspace;
  private final Consumer<Soul> openNote;
  private final Consumer<Throwable> onError;
  private final TextField query = new TextField();
  private final Label status = new Label();
  private final ListView<Item> results = new ListView<>();
  private final PauseTransition rerunLater = new PauseTransition(Duration.millis(250));
  private @Nullable LiveQuery live;
  private @Nullable QueryResult shown;
  private @Nullable Settings settings;

  public QueryView(Workspace workspace, String text, Consumer<Soul> openNote, Consumer<Throwable> onError) {
    this.workspace = workspace;
    this.openNote = openNote;
    this.onError = onError;
    getStyleClass().add("query-view");
    query.setText(text);
    query.setPromptText("table … from #tag where … sort …   (see docs/queries.md)");
    query.getStyleClass().add("query-text");
    query.textProperty().addListener((obs, old, t) -> rerunLater.playFromStart());
    query.setOnAction(e -> restart());
    rerunLater.setOnFinished(e -> restart());
    status.getStyleClass().addAll("text-muted", "text-small", "query-status");
    status.setWrapText(true);
    results.setCellFactory(v -> new ItemCell());
    results.getStyleClass().add("query-results");
    results.setOnMouseClicked(e -> {
      Item item = results.getSelectionModel().getSelectedItem();
      if (e.getClickCount() >= 1 && item != null && !(e.getTarget() instanceof CheckBox)) {
        Soul soul = item instanceof NoteItem n ? n.row().note() : item instanceof TaskItem t ? t.row().note() : null;
        if (soul != null) {
          openNote.accept(soul);
        }
      }
    });
    VBox.setVgrow(results, Priority.ALWAYS);
    getChildren().addAll(query, status, results);
    setSpacing(6);
    setPadding(new Insets(8));
    restart();
  }

  /** The settings ticks follow (the ✅ date); without them a tick writes the date. */
  public void useSettings(@Nullable Settings settings) {
    this.settings = settings;
  }

  public TextField queryField() {
    return query;
  }

  public ListView<Item> resultList() {
    return results;
  }

  public Label statusLabel() {
    return status;
  }

  /** The result on screen (null before the first, or after an error). */
  public @Nullable QueryResult shownResult() {
    return shown;
  }

  /** Runs the field's query live from now on (the previous one stops). */
  public void restart() {
    rerunLater.stop();
    if (live != null) {
      live.close();
    }
    String text = query.getText();
    live = LiveQuery.of(workspace, text, r -> Platform.runLater(() -> show(text, r)), e -> Platform.runLater(() -> fail(text, e)));
  }

  private void show(String text, QueryResult r) {
    if (!text.equals(query.getText()) && live != null && !live.text().equals(text)) {
      return; // a result of a query since replaced
    }
    shown = r;
    List<Item> items = new ArrayList<>();
    for (QueryResult.Group g : r.groups()) {
      if (r.grouped()) {
        items.add(new Heading(g.key() == null ? "(none)" : QueryResult.text(g.key())));
      }
      for (QueryResult.Row row : g.rows()) {
        if (r.kind() == org.rhizome.graph.query.lang.Ast.Kind.COUNT) {
          items.add(new Heading((row.group() == null ? "(none)" : QueryResult.text(row.group())) + ": " + QueryResult.text(row.values().get(0))));
        } else {
          items.add(row.task() != null ? new TaskItem(row) : new NoteItem(row));
        }
      }
    }
    results.getItems().setAll(items);
    String summary = switch (r.kind()) {
      case COUNT -> r.count() + (r.count() == 1 ? " note" : " notes");
      case TASKS -> r.rows().size() + (r.rows().size() == 1 ? " task" : " tasks");
      default -> r.rows().size() + (r.rows().size() == 1 ? " note" : " notes");
    };
    status.setText(r.warnings().isEmpty() ? summary : summary + " — " + String.join("; ", r.warnings()));
    status.getStyleClass().remove("danger");
  }

  private void fail(String text, Exception e) {
    shown = null;
    results.getItems().clear();
    status.setText(e.getMessage());
    if (!status.getStyleClass().contains("danger")) {
      status.getStyleClass().add("danger");
    }
  }

  /** Ticks or unticks a task: one character of its note changes; the live query shows the result. */
  void toggle(QueryResult.Row row) {
    workspace.toggleTaskAsync(row.note(), row.task().line(), TaskTicks.doneOn(settings)).exceptionally(e -> {
      Platform.runLater(() -> onError.accept(e.getCause() != null ? e.getCause() : e));
      return java.util.Optional.empty();
    });
  }

  /** Stops the live query (when the tab closes). */
  public void close() {
    rerunLater.stop();
    if (live != null) {
      live.close();
      live = null;
    }
  }

  private final class ItemCell extends ListCell<Item> {
    private final CheckBox box = new CheckBox();
    private final Label text = new Label();
    private final Label detail = new Label();
    private final HBox line = new HBox(8, box, text, detail);
    private QueryResult.@Nullable Row row;

    ItemCell() {
      detail.getStyleClass().addAll("text-muted", "text-small");
      box.setOnAction(e -> {
        if (row != null && row.task() != null) {
          toggle(row);
        }
      });
    }

    @Override
    protected void updateItem(@Nullable Item item, boolean empty) {
      super.updateItem(item, empty);
      row = null;
      getStyleClass().remove("query-heading");
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      setText(null);
      if (item instanceof Heading h) {
        getStyleClass().add("query-heading");
        box.setVisible(false);
        box.setManaged(false);
        text.setText(h.text());
        detail.setText("");
      } else if (item instanceof TaskItem t) {
        row = t.row();
        QueryResult.TaskRow task = t.row().task();
        box.setVisible(true);
        box.setManaged(true);
        box.setSelected(task.completed());
        box.setIndeterminate(false);
        text.setText(task.text());
        detail.setText((task.due() == null ? "" : "📅 " + Dates.format(task.due()) + "  ") + t.row().title());
      } else {
        row = ((NoteItem) item).row();
        box.setVisible(false);
        box.setManaged(false);
        text.setText(row.title());
        List<String> cols = new ArrayList<>();
        for (Object v : row.values()) {
          cols.add(QueryResult.text(v));
        }
        detail.setText(String.join("  ·  ", cols));
      }
      setGraphic(line);
    }
  }
}
