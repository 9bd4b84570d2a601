package org.rhizome.ui.history;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A version in the list: when (bold), a "Current" badge on the newest, and who — name and key fingerprint. FX thread only. */
final class VersionCell extends ListCell<VersionRow> {
  private final Label when = new Label();
  private final Label badge = new Label("Current");
  private final Label name = new Label();
  private final Label fingerprint = new Label();
  private final VBox box;

  VersionCell(javafx.beans.value.ObservableDoubleValue listWidth) {
    when.getStyleClass().add(Styles.TEXT_BOLD);
    badge.getStyleClass().addAll("version-badge", Styles.TEXT_SMALL);
    name.getStyleClass().add(Styles.TEXT_MUTED);
    fingerprint.getStyleClass().addAll("version-fingerprint", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    box = new VBox(2, new HBox(6, when, spring, badge), new HBox(6, name, fingerprint));
    getStyleClass().add("version-cell");
    // As wide as the list, never wider: no sideways scroll bar for a long name.
    box.prefWidthProperty().bind(javafx.beans.binding.Bindings.subtract(listWidth, 40));
    box.setMinWidth(0);
    name.setMinWidth(0);
  }

  @Override
  protected void updateItem(VersionRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      setGraphic(null);
      return;
    }
    when.setText(row.when(ZoneId.systemDefault(), LocalDate.now()));
    badge.setVisible(row.current());
    name.setText(row.author().name());
    fingerprint.setText(row.author().fingerprint());
    setGraphic(box);
  }
}
