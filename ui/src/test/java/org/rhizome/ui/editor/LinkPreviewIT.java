package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.UiHarness;

/**
 * Ctrl/Cmd-hovering a link in the editor shows its target's rendered start; a missing target says
 * so.
 */
class LinkPreviewIT {
  @TempDir Path dir;

  /** A point of the area that its own hit test maps to {@code offset}. */
  private static double[] pointAt(org.fxmisc.richtext.CodeArea area, int offset) {
    for (double y = 1; y < Math.min(200, area.getHeight()); y += 2) {
      for (double x = 1; x < Math.min(600, area.getWidth()); x += 2) {
        if (area.hit(x, y).getInsertionIndex() == offset) {
          // Events are made with scene coordinates; dispatch turns them into the area's own.
          javafx.geometry.Point2D scene = area.localToScene(x, y);
          return new double[] {scene.getX(), scene.getY()};
        }
      }
    }
    throw new AssertionError("no point of the editor shows offset " + offset);
  }

  private static MouseEvent move(double[] p, boolean shortcut) {
    double x = p[0];
    double y = p[1];
    return new MouseEvent(
        MouseEvent.MOUSE_MOVED,
        x,
        y,
        x,
        y,
        MouseButton.NONE,
        0,
        false,
        shortcut,
        false,
        shortcut,
        false,
        false,
        false,
        false,
        false,
        false,
        null);
  }

  @Test
  void hoveringALinkWithTheShortcutKeyPreviewsTheNote() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Home", "See [[Garden]] and [[Nowhere yet]].\n");
              ws.createNote("Garden", "---\ntags: [x]\n---\nTomatoes **grow** here.\n");
            })) {
      runFx(() -> ui.window().openNote(s[0]));
      waitFor(
          "open", () -> ui.window().editors().noteTab(s[0]).map(NoteTab::isLoaded).orElse(false));
      NoteTab tab = onFx(() -> ui.window().editors().noteTab(s[0]).orElseThrow());
      LinkPreview preview = tab.editor().preview();
      // Plain hover: nothing (the editor is for writing).
      runFx(
          () -> {
            Event.fireEvent(tab.editor().area(), move(pointAt(tab.editor().area(), 8), false));
          });
      Thread.sleep(LinkPreview.DELAY_MS + 400);
      assertThat(onFx(preview::isShowing)).isFalse();

      runFx(
          () -> {
            Event.fireEvent(tab.editor().area(), move(pointAt(tab.editor().area(), 8), true));
          });
      waitFor("preview shown", preview::isShowing);
      waitFor(
          "note rendered",
          () ->
              preview.content() instanceof javafx.scene.layout.StackPane p
                  && !p.getChildren().isEmpty()
                  && p.getChildren().get(0) instanceof WebView w
                  && w.getEngine().getDocument() != null
                  && w.getEngine().getDocument().getElementsByTagName("strong").getLength() == 1);
      WebView w =
          onFx(
              () ->
                  (WebView)
                      ((javafx.scene.layout.StackPane) preview.content()).getChildren().get(0));
      assertThat(onFx(() -> (String) w.getEngine().executeScript("document.body.textContent")))
          .contains("Garden")
          .contains("Tomatoes grow here.")
          .doesNotContain("tags:");

      runFx(
          () -> {
            Event.fireEvent(tab.editor().area(), move(pointAt(tab.editor().area(), 22), true));
          });
      waitFor(
          "missing target said",
          () ->
              ((javafx.scene.layout.StackPane) preview.content()).getChildren().get(0)
                      instanceof Label l
                  && l.getText().contains("No note \"Nowhere yet\" yet"));
      assertThat(ui.workspace().resolve("Nowhere yet")).isEmpty();
      runFx(
          () ->
              Event.fireEvent(
                  tab.editor().area(),
                  new MouseEvent(
                      MouseEvent.MOUSE_EXITED,
                      0,
                      0,
                      0,
                      0,
                      MouseButton.NONE,
                      0,
                      false,
                      false,
                      false,
                      false,
                      false,
                      false,
                      false,
                      false,
                      false,
                      false,
                      null)));
      waitFor("hidden", () -> !preview.isShowing());
    }
  }
}
