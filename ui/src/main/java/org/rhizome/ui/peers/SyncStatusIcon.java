package org.rhizome.ui.peers;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/**
 * The sync state in the status bar: a coloured dot and a word or two ("Sync off", "Synced · 2");
 * clicking it opens the sync panel. FX thread only.
 */
public final class SyncStatusIcon {
  private final Label label = new Label();
  private final Circle dot = new Circle(4.5);
  private final SyncViewModel model;

  public SyncStatusIcon(SyncViewModel model, Runnable openPanel) {
    this.model = model;
    label.setId("syncStatusIcon");
    label.setGraphic(dot);
    label.setCursor(Cursor.HAND);
    label.getStyleClass().add("sync-status-icon");
    label.setOnMouseClicked(e -> openPanel.run());
    label.setTooltip(new Tooltip("Sync — click to open the sync panel"));
    model.indicatorProperty().addListener((o, a, b) -> show());
    model.peers().addListener((javafx.collections.ListChangeListener<PeerRow>) c -> show());
    show();
  }

  public Node node() {
    return label;
  }

  private void show() {
    SyncIndicator s = model.indicatorProperty().get();
    long connected = model.peers().stream().filter(PeerRow::connected).count();
    label.setText(s == SyncIndicator.CONNECTED ? s.label() + " · " + connected : s.label());
    label.getStyleClass().removeIf(c -> c.startsWith("sync-") && !c.equals("sync-status-icon"));
    label.getStyleClass().add(s.styleClass());
    dot.setStyle("-fx-fill: " + colourOf(s) + ";");
  }

  /** AtlantaFX's looked-up colours, so the dot follows the light and dark themes. */
  static String colourOf(SyncIndicator s) {
    return switch (s) {
      case CONNECTED -> "-color-success-emphasis";
      case WAITING, JOINING -> "-color-warning-emphasis";
      case FAILED -> "-color-danger-emphasis";
      case UNKNOWN, PERSONAL, OFF -> "-color-fg-subtle";
    };
  }
}
