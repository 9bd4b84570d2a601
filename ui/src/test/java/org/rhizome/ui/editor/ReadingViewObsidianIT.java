package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.web.WebView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.render.FixtureVault;
import org.rhizome.ui.shell.UiHarness;

/**
 * The fixture vault's showcase note in the real reading view: maths, diagrams and code drawn by the
 * bundled scripts, images from attachments, a task ticked by a click (one edit, in history), an
 * embed updated when its note is edited by another writer; screenshots in light and dark written to
 * target/screenshots for a person to look at.
 */
class ReadingViewObsidianIT {
  @TempDir Path dir;

  @Test
  void showcaseLooksLikeObsidianAndItsTasksAndEmbedsAreLive() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, FixtureVault::loadInto)) {
      Soul showcase = ui.workspace().resolve("Showcase").orElseThrow().soul();
      Soul embedded = ui.workspace().resolve("Embedded").orElseThrow().soul();
      runFx(() -> ui.window().openNote(showcase));
      waitFor(
          "open",
          () ->
              ok(
                  () ->
                      ui.window()
                          .editors()
                          .noteTab(showcase)
                          .map(NoteTab::isLoaded)
                          .orElse(false)));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      waitFor("page loaded", () -> ok(() -> count(web, ".math") >= 2));
      // Maths, code and diagrams are drawn as they come near the screen: each is scrolled to.
      waitFor(
          "maths drawn by KaTeX",
          () -> ok(() -> near(web, "#maths") && count(web, ".math .katex") >= 2));
      waitFor(
          "code coloured by highlight.js",
          () -> ok(() -> near(web, "pre code") && count(web, "pre code.hljs") >= 1));
      waitFor(
          "diagram drawn by Mermaid",
          () -> ok(() -> near(web, "pre.mermaid") && count(web, "pre.mermaid svg") == 1));
      runFx(() -> web.getEngine().executeScript("window.scrollTo(0, 0)"));
      waitFor(
          "image loaded from the attachment",
          () ->
              ok(
                  () ->
                      number(web, "document.querySelector('img.image-embed').naturalWidth") == 40));
      assertThat(onFx(() -> count(web, ".callout"))).isEqualTo(5);
      assertThat(onFx(() -> count(web, ".markdown-embed"))).isGreaterThanOrEqualTo(4);
      assertThat(onFx(() -> count(web, "a.is-unresolved"))).isGreaterThanOrEqualTo(1);
      assertThat(onFx(() -> count(web, "img[src^='http']")))
          .as("no external image fetched before a click")
          .isZero();
      assertThat(onFx(() -> count(web, ".markdown-embed input.task-list-item-checkbox[disabled]")))
          .as("an embed's tasks are not this note's")
          .isEqualTo(1);
      shoot(ui, web, "reading-light");
      shootAt(ui, web, "callouts", "reading-light-callouts");
      shootAt(ui, web, "maths", "reading-light-maths");

      // A click on the first task's box: one edit of one character, through the editor (so in
      // history).
      int versionsBefore = ui.workspace().bodyHistory(showcase, 1000).size();
      runFx(
          () ->
              web.getEngine()
                  .executeScript(
                      "document.querySelector('input.task-list-item-checkbox[data-offset]').click()"));
      waitFor(
          "task ticked in the note",
          () ->
              ok(
                  () ->
                      ui.workspace()
                          .findNote(showcase)
                          .orElseThrow()
                          .body()
                          .contains("- [x] open task")));
      waitFor(
          "one more version",
          () -> ok(() -> ui.workspace().bodyHistory(showcase, 1000).size() == versionsBefore + 1));
      waitFor(
          "page shows it ticked",
          () ->
              ok(
                  () ->
                      Boolean.TRUE.equals(
                          web.getEngine()
                              .executeScript(
                                  "document.querySelector('input.task-list-item-checkbox[data-offset]').checked"))));

      // Another writer edits the embedded note: the embed follows.
      String body = ui.workspace().findNote(embedded).orElseThrow().body();
      ui.workspace()
          .editBody(
              embedded, body.replace("Intro of the embedded note.", "Intro rewritten elsewhere."));
      waitFor(
          "embed rendered again",
          () ->
              ok(
                  () ->
                      Boolean.TRUE.equals(
                          web.getEngine()
                              .executeScript(
                                  "document.body.textContent.indexOf('Intro rewritten elsewhere.') >= 0"))));

      runFx(() -> ui.session().context().commands().run("theme.toggle"));
      waitFor(
          "dark page",
          () ->
              ok(
                  () ->
                      "rgb(13, 17, 23)"
                          .equals(
                              web.getEngine()
                                  .executeScript(
                                      "getComputedStyle(document.body).backgroundColor"))));
      waitFor(
          "maths drawn again",
          () -> ok(() -> near(web, "#maths") && count(web, ".math .katex") >= 2));
      waitFor(
          "diagram drawn again",
          () -> ok(() -> near(web, "pre.mermaid") && count(web, "pre.mermaid svg") == 1));
      runFx(() -> web.getEngine().executeScript("window.scrollTo(0, 0)"));
      shoot(ui, web, "reading-dark");
      shootAt(ui, web, "callouts", "reading-dark-callouts");
      shootAt(ui, web, "maths", "reading-dark-maths");
    }
  }

  private static boolean ok(java.util.concurrent.Callable<Boolean> check) {
    try {
      return check.call();
    } catch (Exception e) {
      return false;
    }
  }

  /** On the FX thread (waitFor runs its condition there): how many elements match. */
  /** Scrolls the first element matching {@code selector} into view; true when there is one. */
  private static boolean near(WebView web, String selector) {
    return Boolean.TRUE.equals(
        web.getEngine()
            .executeScript(
                "(function(){var e=document.querySelector('"
                    + selector
                    + "');if(e){e.scrollIntoView();}return !!e;})()"));
  }

  private static int count(WebView web, String selector) {
    return (int) number(web, "document.querySelectorAll(\"" + selector + "\").length");
  }

  private static double number(WebView web, String script) {
    if (web.getEngine().getDocument() == null) {
      return -1.0;
    }
    try {
      Object v = web.getEngine().executeScript(script);
      return v instanceof Number n ? n.doubleValue() : -1.0;
    } catch (RuntimeException e) {
      return -1.0;
    }
  }

  private static void shootAt(UiHarness ui, WebView web, String id, String name) throws Exception {
    runFx(
        () ->
            web.getEngine()
                .executeScript("document.getElementById('" + id + "').scrollIntoView()"));
    shoot(ui, web, name);
  }

  private static void shoot(UiHarness ui, WebView web, String name) throws Exception {
    Thread.sleep(500);
    WritableImage image = onFx(() -> ui.session().stage().getScene().snapshot(null));
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getPixelReader().getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    Path file = Path.of("target/screenshots/" + name + ".png");
    Files.createDirectories(file.getParent());
    ImageIO.write(out, "png", file.toFile());
  }
}
