package org.rhizome.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.ui.shell.UiHarness;

/**
 * The graph canvas follows the theme: its background is dark in dark mode, also when switched while
 * the graph is idle.
 */
class GraphDarkModeIT {
  @TempDir Path dir;

  private static double cornerBrightness(UiHarness ui) {
    Node canvas = ui.session().stage().getScene().getRoot().lookup(".graph-canvas");
    if (canvas == null || canvas.getLayoutBounds().getWidth() < 10) {
      return -1;
    }
    WritableImage shot = canvas.snapshot(null, null);
    Color c = shot.getPixelReader().getColor(3, (int) shot.getHeight() - 4);
    return c.getBrightness();
  }

  @Test
  void graphBackgroundFollowsLightAndDark() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("Hub", "centre");
              ws.createNote("Leaf", "[[Hub]]");
              ws.createNote("Other", "[[Hub]] [[Leaf]]");
            })) {
      boolean dark =
          onFx(() -> ui.session().stage().getScene().getRoot().getStyleClass().contains("dark"));
      if (dark) {
        runFx(() -> ui.session().context().commands().run("theme.toggle"));
      }
      runFx(() -> ui.session().context().commands().run("graph.open"));
      waitFor("light graph drawn", () -> cornerBrightness(ui) > 0.9);
      // Let the layout settle and the frame timer stop, as on a graph left open.
      Thread.sleep(3000);
      runFx(() -> ui.session().context().commands().run("theme.toggle"));
      waitFor(
          "dark graph background", () -> cornerBrightness(ui) >= 0 && cornerBrightness(ui) < 0.25);
      assertThat(
              onFx(
                  () -> ui.session().stage().getScene().getRoot().getStyleClass().contains("dark")))
          .isTrue();
      runFx(() -> ui.session().context().commands().run("theme.toggle"));
      waitFor("light again", () -> cornerBrightness(ui) > 0.9);
    }
  }
}
