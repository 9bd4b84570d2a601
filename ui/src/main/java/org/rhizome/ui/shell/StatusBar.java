package org.rhizome.ui.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The strip at the bottom: a message on the left (errors stay until the next message; others fade
 * after a few seconds), the open note's word count, and on the right an empty slot for the sync
 * status indicator. FX thread only.
 */
public final class StatusBar {
  private final Label message = new Label();
  private final Label noteStats = new Label();
  private final HBox syncSlot = new HBox(6);
  private final HBox root;
  private final PauseTransition clearLater = new PauseTransition(Duration.seconds(6));

  public StatusBar() {
    message.getStyleClass().add("status-message");
    noteStats.getStyleClass().add("status-stats");
    syncSlot.getStyleClass().add("sync-status-slot");
    syncSlot.setAlignment(Pos.CENTER_RIGHT);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    root = new HBox(16, message, gap, noteStats, syncSlot);
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(3, 10, 3, 10));
    root.getStyleClass().add("status-bar");
    clearLater.setOnFinished(e -> message.setText(""));
  }

  public Node node() {
    return root;
  }

  public HBox syncSlot() {
    return syncSlot;
  }

  public Label message() {
    return message;
  }

  /** A passing note ("Renamed 3 links"): fades after a few seconds. */
  public void inform(String text) {
    message.getStyleClass().remove("danger");
    message.setText(text);
    clearLater.playFromStart();
  }

  /** A failure: stays until the next message. */
  public void error(String text) {
    clearLater.stop();
    if (!message.getStyleClass().contains("danger")) {
      message.getStyleClass().add("danger");
    }
    message.setText(text);
  }

  public void setNoteStats(String text) {
    noteStats.setText(text);
  }
}
