package org.rhizome.ui.history;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A version in the list: when, to the second (bold, never cut short), a "Current" badge on the
 * newest, who (name and key fingerprint), and the size of the change in words. FX thread only.
 */
final class VersionCell extends ListCell<VersionRow> {
  private final Label when = new Label();
  private final Label badge = new Label("Current");
  private final Label name = new Label();
  private final Label fingerprint = new Label();
  private final Label size = new Label();
  private final Tooltip tip = new Tooltip();
  private final VBox box;

  VersionCell(javafx.beans.value.ObservableDoubleValue listWidth) {
    when.getStyleClass().add(Styles.TEXT_BOLD);
    when.setMinWidth(
        Region.USE_PREF_SIZE); // the time is what tells versions apart: never "Today 12:36..."
    badge.getStyleClass().addAll("version-badge", Styles.TEXT_SMALL);
    badge.setMinWidth(Region.USE_PREF_SIZE);
    name.getStyleClass().add(Styles.TEXT_MUTED);
    fingerprint.getStyleClass().addAll("version-fingerprint", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    fingerprint.setMinWidth(Region.USE_PREF_SIZE);
    size.getStyleClass().addAll("version-size", Styles.TEXT_SMALL);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    box = new VBox(2, new HBox(6, when, spring, badge), new HBox(6, name, fingerprint), size);
    getStyleClass().add("version-cell");
    // As wide as the list, never wider: no sideways scroll bar for a long name.
    box.prefWidthProperty().bind(javafx.beans.binding.Bindings.subtract(listWidth, 40));
    box.setMinWidth(0);
    name.setMinWidth(0);
    size.setMinWidth(0);
  }

  @Override
  protected void updateItem(VersionRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      setGraphic(null);
      setTooltip(null);
      return;
    }
    ZoneId zone = ZoneId.systemDefault();
    LocalDate today = LocalDate.now();
    when.setText(row.when(zone, today));
    badge.setVisible(row.current());
    name.setText(row.author().name());
    fingerprint.setText(row.author().fingerprint());
    size.setText(row.size());
    size.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.ACCENT, Styles.TEXT_MUTED);
    var words = row.group().words();
    size.getStyleClass()
        .add(
            row.group().restore()
                ? Styles.ACCENT
                : words.added() > 0 && words.removed() == 0
                    ? Styles.SUCCESS
                    : words.removed() > 0 && words.added() == 0
                        ? Styles.DANGER
                        : Styles.TEXT_MUTED);
    tip.setText(
        "From "
            + VersionRow.at(row.group().startedAt(), zone, today)
            + " to "
            + row.when(zone, today)
            + "\n"
            + row.size()
            + "\n"
            + row.author().name()
            + " · "
            + row.author().fingerprint());
    setTooltip(tip);
    setGraphic(box);
  }
}
