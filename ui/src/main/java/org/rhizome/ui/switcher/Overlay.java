package org.rhizome.ui.switcher;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;

/**
 * The layer above the main window where pickers (quick switcher, command palette) appear, centred
 * near the top; a click outside closes them. Inside the scene rather than a separate popup window,
 * so they are part of screenshots and tests see them like any node. FX thread only.
 */
public final class Overlay {
  private final StackPane layer = new StackPane();
  private @Nullable Runnable onDismiss;

  public Overlay() {
    layer.getStyleClass().add("overlay-layer");
    layer.setVisible(false);
    layer.setPickOnBounds(true);
    layer.setOnMouseClicked(
        e -> {
          if (e.getTarget() == layer) {
            hide();
          }
        });
  }

  public Node node() {
    return layer;
  }

  public boolean isShowing() {
    return layer.isVisible();
  }

  /** Shows {@code content}, replacing what was shown; {@code onDismiss} runs when it is closed. */
  public void show(Node content, Runnable onDismiss) {
    hide();
    this.onDismiss = onDismiss;
    StackPane.setAlignment(content, Pos.TOP_CENTER);
    StackPane.setMargin(content, new Insets(72, 0, 0, 0));
    layer.getChildren().setAll(content);
    layer.setVisible(true);
  }

  public void hide() {
    if (!layer.isVisible()) {
      return;
    }
    layer.setVisible(false);
    layer.getChildren().clear();
    Runnable r = onDismiss;
    onDismiss = null;
    if (r != null) {
      r.run();
    }
  }
}
