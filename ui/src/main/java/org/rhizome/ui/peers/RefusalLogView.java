package org.rhizome.ui.peers;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The sync log in the panel: the changes this replica refused for good, newest first — when, from
 * whom, which change, and why (the engine's refusal log, as {@code rhizome sync log} lists it). A
 * refused change is never silent. Updated with every snapshot. FX thread only.
 */
final class RefusalLogView {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm:ss", java.util.Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  private final ListView<RefusalRow> list = new ListView<>();

  RefusalLogView() {
    list.setId("refusalLog");
    list.setPrefHeight(150);
    Label none = new Label("Nothing refused: every change received so far was allowed.");
    none.getStyleClass().add(Styles.TEXT_MUTED);
    list.setPlaceholder(none);
    list.setCellFactory(v -> new RefusalCell());
  }

  Node node() {
    return list;
  }

  void show(List<RefusalRow> rows) {
    if (!list.getItems().equals(rows)) {
      list.getItems().setAll(rows);
    }
  }

  /** The one-line summary of a refusal (also the cell's first line). */
  static String summary(RefusalRow r) {
    return WHEN.format(r.at())
        + " · "
        + r.reasonText()
        + " · change #"
        + r.seq()
        + " from "
        + r.from();
  }

  private static final class RefusalCell extends ListCell<RefusalRow> {
    @Override
    protected void updateItem(@Nullable RefusalRow r, boolean empty) {
      super.updateItem(r, empty);
      if (empty || r == null) {
        setText(null);
        setGraphic(null);
        setTooltip(null);
        return;
      }
      Label head = new Label(summary(r));
      head.getStyleClass().add(Styles.TEXT_BOLD);
      Label why = new Label(r.detail());
      why.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      why.setWrapText(true);
      why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      if (getListView() != null) {
        why.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
        why.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
      }
      setText(null);
      setGraphic(new VBox(1, head, why));
      setTooltip(new Tooltip(summary(r) + "\n" + r.detail()));
    }
  }
}
