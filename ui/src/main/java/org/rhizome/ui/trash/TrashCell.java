package org.rhizome.ui.trash;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A deleted note in the trash list: title (and folder), who deleted it and when, its first line. FX
 * thread only.
 */
final class TrashCell extends ListCell<TrashRow> {
  private final Label title = new Label();
  private final Label who = new Label();
  private final Label first = new Label();
  private final Tooltip tip = new Tooltip();
  private final VBox box = new VBox(1, title, who, first);

  TrashCell() {
    title.getStyleClass().add(Styles.TEXT_BOLD);
    who.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    first.getStyleClass().addAll(Styles.TEXT_SUBTLE, Styles.TEXT_SMALL);
    for (Label l : java.util.List.of(title, who, first)) {
      l.setMinWidth(0);
    }
    box.setMinWidth(0);
    getStyleClass().add("trash-cell");
  }

  @Override
  protected void updateItem(TrashRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      setGraphic(null);
      setTooltip(null);
      return;
    }
    title.setText(row.note().path());
    String whoAndWhen = row.byWhomAndWhen(ZoneId.systemDefault(), LocalDate.now());
    who.setText(whoAndWhen);
    first.setText(row.note().firstLine());
    first.setManaged(!row.note().firstLine().isEmpty());
    tip.setText(
        row.note().path()
            + "\n"
            + whoAndWhen
            + " ("
            + row.deletedBy().fingerprint()
            + ")\n"
            + row.note().bodyChars()
            + " bytes of text");
    setTooltip(tip);
    setGraphic(box);
  }
}
