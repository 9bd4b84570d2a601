package org.rhizome.ui.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceBox;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;

/**
 * Every task of the workspace in one place: a live {@code tasks} query with quick filters (open,
 * due today, this week, overdue, done) above an editable query, soonest due first. Ticking a box
 * edits the task's note. FX thread only.
 */
public final class TasksPane extends QueryView {
  static final Map<String, String> FILTERS = new LinkedHashMap<>();

  static {
    FILTERS.put("Open", "tasks where open sort due, priority desc");
    FILTERS.put("Due today", "tasks where open and due <= today() sort due, priority desc");
    FILTERS.put(
        "This week", "tasks where open and due < today() + days(7) sort due, priority desc");
    FILTERS.put("Overdue", "tasks where open and due < today() sort due");
    FILTERS.put("Done", "tasks where not open sort done desc");
    FILTERS.put("By note", "tasks where open group by title sort line");
  }

  private final ChoiceBox<String> filter = new ChoiceBox<>();

  public TasksPane(Workspace workspace, Consumer<Soul> openNote, Consumer<Throwable> onError) {
    super(workspace, FILTERS.get("Open"), openNote, onError);
    getStyleClass().add("tasks-pane");
    filter.getItems().addAll(FILTERS.keySet());
    filter.setValue("Open");
    filter.setOnAction(
        e -> {
          queryField().setText(FILTERS.get(filter.getValue()));
          restart();
        });
    getChildren().add(0, filter);
  }

  public ChoiceBox<String> filter() {
    return filter;
  }
}
