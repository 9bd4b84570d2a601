package org.rhizome.ui.history;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A row of the diff: old and new line numbers, a + or − sign, and the text with changed words
 * marked. FX thread only.
 */
final class DiffCell extends ListCell<DiffLine> {
  private static final String[] KINDS = {"same", "removed", "added", "fold"};
  private final Label oldNumber = gutter();
  private final Label newNumber = gutter();
  private final Label sign = new Label();
  private final TextFlow text = new TextFlow();
  private final HBox row = new HBox(oldNumber, newNumber, sign, text);

  DiffCell(ObservableDoubleValue width) {
    getStyleClass().add("diff-cell");
    sign.getStyleClass().add("diff-sign");
    sign.setMinWidth(18);
    text.getStyleClass().add("diff-text");
    text.prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.max(
                100, javafx.beans.binding.Bindings.subtract(width, 150)));
    row.setAlignment(Pos.TOP_LEFT);
    row.getStyleClass().add("diff-row");
  }

  private static Label gutter() {
    Label l = new Label();
    l.getStyleClass().add("diff-number");
    l.setMinWidth(44);
    l.setAlignment(Pos.TOP_RIGHT);
    return l;
  }

  @Override
  protected void updateItem(DiffLine line, boolean empty) {
    super.updateItem(line, empty);
    row.getStyleClass().removeAll(KINDS);
    if (empty || line == null) {
      setGraphic(null);
      return;
    }
    row.getStyleClass().add(KINDS[line.kind().ordinal()]);
    oldNumber.setText(line.oldNumber() > 0 ? Integer.toString(line.oldNumber()) : "");
    newNumber.setText(line.newNumber() > 0 ? Integer.toString(line.newNumber()) : "");
    sign.setText(
        switch (line.kind()) {
          case ADDED -> "+";
          case REMOVED -> "−";
          default -> "";
        });
    text.getChildren().clear();
    if (line.kind() == DiffLine.Kind.FOLD) {
      text.getChildren()
          .add(
              styled(
                  new Text(
                      "⋯ " + line.folded() + " unchanged line" + (line.folded() == 1 ? "" : "s")),
                  "diff-fold-text"));
    } else {
      int at = 0;
      String s = line.text();
      for (DiffLine.Span span : line.changed()) {
        if (span.start() > at) {
          text.getChildren().add(styled(new Text(s.substring(at, span.start())), "diff-plain"));
        }
        Label word = new Label(s.substring(span.start(), span.end()));
        word.getStyleClass()
            .addAll("diff-word", line.kind() == DiffLine.Kind.ADDED ? "added" : "removed");
        text.getChildren().add(word);
        at = span.end();
      }
      // An empty line keeps its height with a space.
      text.getChildren()
          .add(
              styled(
                  new Text(at < s.length() ? s.substring(at) : (s.isEmpty() ? " " : "")),
                  "diff-plain"));
    }
    setGraphic(row);
  }

  private static Text styled(Text t, String styleClass) {
    t.getStyleClass().add(styleClass);
    return t;
  }
}
