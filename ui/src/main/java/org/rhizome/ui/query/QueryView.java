package org.rhizome.ui.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.LiveQuery;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.lang.Ast;
import org.rhizome.graph.query.lang.Parser;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.tasks.Dates;
import org.rhizome.ui.workbench.Settings;

/**
 * A live query in a tab: the query's text above, its result below (a list of notes with their
 * columns, or of tasks with real checkboxes), re-rendered whenever a committed change — typed here
 * or arriving from a peer — changes the result ({@link LiveQuery}). Ticking a task is a
 * one-character edit of its note. A query that does not parse shows its error in place of the
 * result. Clicking a row opens its note. FX thread only; queries run on the live query's own
 * thread.
 */
public class QueryView extends VBox {
  /**
   * How a note result is shown: a list, cards, or a board (kanban) by the query's {@code group by}
   * property.
   */
  public enum Mode {
    LIST("List"),
    CARDS("Cards"),
    BOARD("Board");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

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
  private final ChoiceBox<Mode> mode = new ChoiceBox<>();
  private final StackPane shownIn = new StackPane();
  private final PauseTransition rerunLater = new PauseTransition(Duration.millis(250));
  private @Nullable LiveQuery live;
  private @Nullable QueryResult shown;
  private @Nullable Settings settings;

  public QueryView(
      Workspace workspace, String text, Consumer<Soul> openNote, Consumer<Throwable> onError) {
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
    results.setOnMouseClicked(
        e -> {
          Item item = results.getSelectionModel().getSelectedItem();
          if (e.getClickCount() >= 1 && item != null && !(e.getTarget() instanceof CheckBox)) {
            Soul soul =
                item instanceof NoteItem n
                    ? n.row().note()
                    : item instanceof TaskItem t ? t.row().note() : null;
            if (soul != null) {
              openNote.accept(soul);
            }
          }
        });
    mode.getItems().addAll(Mode.values());
    mode.setValue(Mode.LIST);
    mode.getStyleClass().add("query-mode");
    mode.setOnAction(
        e -> {
          if (shown != null) {
            show(live == null ? query.getText() : live.text(), shown);
          }
        });
    shownIn.getChildren().setAll(results);
    VBox.setVgrow(shownIn, Priority.ALWAYS);
    HBox top = new HBox(8, query, mode);
    HBox.setHgrow(query, Priority.ALWAYS);
    getChildren().addAll(top, status, shownIn);
    setSpacing(6);
    setPadding(new Insets(8));
    restart();
  }

  /** The settings ticks follow (the ✅ date); without them a tick changes only the mark. */
  public void useSettings(@Nullable Settings settings) {
    this.settings = settings;
  }

  public TextField queryField() {
    return query;
  }

  public ListView<Item> resultList() {
    return results;
  }

  /** The view mode chooser (list, cards, board). */
  public ChoiceBox<Mode> modeChoice() {
    return mode;
  }

  /** The node showing the result now: the list, or the cards or board. */
  public Node resultNode() {
    return shownIn.getChildren().isEmpty() ? results : shownIn.getChildren().get(0);
  }

  public Label statusLabel() {
    return status;
  }

  /** The result on screen (null before the first, or after an error). */
  public @Nullable QueryResult shownResult() {
    return shown;
  }

  /** Shows {@code text} in the field and runs it live from now on (a saved query that changed). */
  public void setQuery(String text) {
    if (!text.equals(query.getText()) || live == null) {
      query.setText(text);
      restart();
    }
  }

  /** The mode a {@code view:} line names: {@code cards}, {@code board}, else the list. */
  public static Mode modeOf(String view) {
    return switch (view) {
      case "cards" -> Mode.CARDS;
      case "board" -> Mode.BOARD;
      default -> Mode.LIST;
    };
  }

  /** Runs the field's query live from now on (the previous one stops). */
  public void restart() {
    rerunLater.stop();
    if (live != null) {
      live.close();
    }
    String text = query.getText();
    live =
        LiveQuery.of(
            workspace,
            text,
            r -> Platform.runLater(() -> show(text, r)),
            e -> Platform.runLater(() -> fail(text, e)));
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
          items.add(
              new Heading(
                  (row.group() == null ? "(none)" : QueryResult.text(row.group()))
                      + ": "
                      + QueryResult.text(row.values().get(0))));
        } else {
          items.add(row.task() != null ? new TaskItem(row) : new NoteItem(row));
        }
      }
    }
    results.getItems().setAll(items);
    String hint = showMode(text, r);
    String summary =
        switch (r.kind()) {
          case COUNT -> r.count() + (r.count() == 1 ? " note" : " notes");
          case TASKS -> r.rows().size() + (r.rows().size() == 1 ? " task" : " tasks");
          default -> r.rows().size() + (r.rows().size() == 1 ? " note" : " notes");
        };
    List<String> notes = new ArrayList<>(r.warnings());
    if (hint != null) {
      notes.add(hint);
    }
    status.setText(notes.isEmpty() ? summary : summary + " — " + String.join("; ", notes));
    status.getStyleClass().remove("danger");
  }

  /** Puts the list, cards or board in place; a sentence when the mode cannot show this result. */
  private @Nullable String showMode(String text, QueryResult r) {
    Mode m = mode.getValue();
    boolean notes = r.kind() == Ast.Kind.TABLE || r.kind() == Ast.Kind.LIST;
    if (m == Mode.LIST || !notes) {
      shownIn.getChildren().setAll(results);
      return m == Mode.LIST ? null : "cards and boards show table and list queries";
    }
    if (m == Mode.CARDS) {
      shownIn.getChildren().setAll(QueryBoard.cards(r, openNote));
      return null;
    }
    String property = boardProperty(text);
    if (property == null) {
      shownIn.getChildren().setAll(QueryBoard.cards(r, openNote));
      return "a board needs \"group by <property>\" (its columns are the property's values)";
    }
    shownIn
        .getChildren()
        .setAll(QueryBoard.board(r, openNote, (row, key) -> move(row, property, key)));
    return null;
  }

  /**
   * The front-matter property a query groups by, or null (grouped by something else, or not at
   * all).
   */
  public static @Nullable String boardProperty(String text) {
    try {
      Ast.Query q = Parser.parse(text);
      if (q.groupBy() instanceof Ast.Field f
          && !BUILT_IN.contains(f.name().toLowerCase(java.util.Locale.ROOT))) {
        return f.name();
      }
      if (q.groupBy() instanceof Ast.Call c
          && c.function().equals("prop")
          && c.args().get(0) instanceof Ast.Literal l
          && l.value() instanceof String s) {
        return s;
      }
    } catch (QueryException e) {
      return null;
    }
    return null;
  }

  private static final java.util.Set<String> BUILT_IN =
      java.util.Set.of(
          "title",
          "name",
          "folder",
          "path",
          "created",
          "ctime",
          "modified",
          "mtime",
          "soul",
          "id",
          "author",
          "editor",
          "tags",
          "aliases",
          "links",
          "outlinks",
          "backlinks",
          "inlinks",
          "tasks",
          "open_tasks");

  /**
   * A card dropped on another column: the note's {@code property} becomes that column's value, as
   * one small edit of its front matter made on the text as read and moved past anything written
   * since.
   */
  void move(QueryResult.Row row, String property, Object value) {
    Soul soul = row.note();
    if (soul == null) {
      return;
    }
    BoardMoves.move(workspace, soul, property, value)
        .exceptionally(
            e -> {
              Platform.runLater(() -> onError.accept(e.getCause() != null ? e.getCause() : e));
              return null;
            });
  }

  private void fail(String text, Exception e) {
    shown = null;
    results.getItems().clear();
    shownIn.getChildren().setAll(results);
    status.setText(e.getMessage());
    if (!status.getStyleClass().contains("danger")) {
      status.getStyleClass().add("danger");
    }
  }

  /**
   * Ticks or unticks a task: one character of its note changes; the live query shows the result.
   */
  void toggle(QueryResult.Row row) {
    workspace
        .toggleTaskAsync(row.note(), row.task().line(), TaskTicks.doneOn(settings))
        .exceptionally(
            e -> {
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
      box.setOnAction(
          e -> {
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
        detail.setText(
            (task.due() == null ? "" : "📅 " + Dates.format(task.due()) + "  ") + t.row().title());
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
