package org.rhizome.ui.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.lang.QueryResult;

/**
 * The cards and board views of a note query. Cards: one card per note (title, then the query's
 * columns). Board: one column per group of a {@code group by <property>} query (a kanban), whose
 * cards can be dragged to another column — which asks {@code move} to set the property to that
 * column's value. Dragging is plain press–drag–release (the card follows the pointer; the column
 * under the release point is the target), so it works the same with a mouse, a pen and a test
 * robot. FX thread only.
 */
final class QueryBoard {
  private QueryBoard() {}

  /** A card: the note's row. Its node carries style class {@code query-card}. */
  static VBox card(QueryResult r, QueryResult.Row row, Consumer<Soul> open) {
    Label title = new Label(row.title());
    title.getStyleClass().addAll("query-card-title", "text-bold");
    VBox card = new VBox(4, title);
    for (int i = 0; i < r.columns().size() && i < row.values().size(); i++) {
      Object v = row.values().get(i);
      if (v == null || (v instanceof List<?> l && l.isEmpty())) {
        continue;
      }
      Label line = new Label(r.columns().get(i) + ": " + QueryResult.text(v));
      line.getStyleClass().addAll("text-muted", "text-small");
      card.getChildren().add(line);
    }
    card.getStyleClass().add("query-card");
    card.setPadding(new Insets(8, 10, 8, 10));
    card.setStyle(
        "-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 6; -fx-background-radius: 6;");
    card.setPrefWidth(200);
    card.setMaxWidth(Double.MAX_VALUE);
    card.setUserData(row);
    card.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && row.note() != null) {
            open.accept(row.note());
          }
        });
    return card;
  }

  static Node cards(QueryResult r, Consumer<Soul> open) {
    FlowPane flow = new FlowPane(10, 10);
    flow.getStyleClass().add("query-cards");
    flow.setPadding(new Insets(4));
    for (QueryResult.Row row : r.rows()) {
      flow.getChildren().add(card(r, row, open));
    }
    ScrollPane scroll = new ScrollPane(flow);
    scroll.setFitToWidth(true);
    return scroll;
  }

  /**
   * The board of a grouped result; {@code move} gets the dragged row and the value of the column it
   * was dropped on (never the "(none)" column, and never its own).
   */
  static Node board(QueryResult r, Consumer<Soul> open, BiConsumer<QueryResult.Row, Object> move) {
    HBox columns = new HBox(12);
    columns.getStyleClass().add("query-board");
    columns.setPadding(new Insets(4));
    List<VBox> lanes = new ArrayList<>();
    for (QueryResult.Group g : r.groups()) {
      Label head =
          new Label(
              (g.key() == null ? "(none)" : QueryResult.text(g.key())) + "  " + g.rows().size());
      head.getStyleClass().addAll("query-board-heading", "text-bold");
      VBox lane = new VBox(8, head);
      lane.getStyleClass().add("query-board-column");
      lane.setUserData(new Lane(g.key()));
      lane.setPadding(new Insets(8));
      lane.setMinWidth(220);
      lane.setPrefWidth(220);
      lane.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 8;");
      for (QueryResult.Row row : g.rows()) {
        VBox card = card(r, row, open);
        draggable(card, row, g.key(), lanes, move);
        lane.getChildren().add(card);
      }
      lanes.add(lane);
      columns.getChildren().add(lane);
    }
    HBox.setHgrow(columns, Priority.ALWAYS);
    ScrollPane scroll = new ScrollPane(columns);
    scroll.setFitToHeight(true);
    return scroll;
  }

  /** What a board column stands for: the property value its cards hold (null: none). */
  record Lane(@Nullable Object key) {}

  private static void draggable(
      VBox card,
      QueryResult.Row row,
      @Nullable Object from,
      List<VBox> lanes,
      BiConsumer<QueryResult.Row, Object> move) {
    double[] press = new double[2];
    card.setOnMousePressed(
        e -> {
          press[0] = e.getSceneX();
          press[1] = e.getSceneY();
        });
    card.setOnMouseDragged(
        e -> {
          card.setTranslateX(e.getSceneX() - press[0]);
          card.setTranslateY(e.getSceneY() - press[1]);
          card.setOpacity(0.8);
          card.toFront();
          for (VBox lane : lanes) {
            lane.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("drop-target"),
                contains(lane, e.getSceneX(), e.getSceneY()));
          }
        });
    card.setOnMouseReleased(
        e -> {
          boolean dragged = card.getTranslateX() != 0 || card.getTranslateY() != 0;
          card.setTranslateX(0);
          card.setTranslateY(0);
          card.setOpacity(1);
          if (!dragged) {
            return;
          }
          for (VBox lane : lanes) {
            Object key = ((Lane) lane.getUserData()).key();
            if (contains(lane, e.getSceneX(), e.getSceneY())
                && key != null
                && !Objects.equals(key, from)) {
              move.accept(row, key);
            }
          }
        });
  }

  private static boolean contains(Node lane, double sceneX, double sceneY) {
    Bounds b = lane.localToScene(lane.getLayoutBounds());
    return b.contains(new Point2D(sceneX, sceneY));
  }
}
