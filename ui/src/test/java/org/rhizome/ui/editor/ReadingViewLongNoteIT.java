package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.UiHarness;

/**
 * A long note in the real reading view: its start is shown first and the rest handed to the page
 * once rendered ({@code ObsidianMarkdown.renderStart}, {@code rhizomeRest}). What only the rest
 * needs still works: KaTeX and highlight.js are loaded when the rest brings the first maths and
 * code, a footnote defined at the end numbers its reference at the start, a heading link from the
 * start scrolls to a heading at the end; an edit by another writer keeps the place.
 */
class ReadingViewLongNoteIT {
  @TempDir Path dir;

  private static String longNote() {
    StringBuilder sb =
        new StringBuilder("# Long\n\nStart with a reference[^late] and [[#Far end]].\n\n");
    for (int i = 0; sb.length() < 90_000; i++) {
      sb.append("Paragraph ").append(i).append(" with some words to fill the note up.\n\n");
    }
    sb.append("## Far end\n\nMaths at the end: $e^{i\\pi} = -1$.\n\n");
    sb.append("```java\nclass Far { int x = 1; }\n```\n\n");
    sb.append("[^late]: Defined at the very end.\n");
    return sb.toString();
  }

  @Test
  void startFirstThenTheRestWithWhatItNeeds() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("", "Long", longNote()))) {
      Soul soul = ui.workspace().resolve("Long").orElseThrow().soul();
      runFx(() -> ui.window().openNote(soul));
      waitFor(
          "open",
          () -> ok(() -> ui.window().editors().noteTab(soul).map(NoteTab::isLoaded).orElse(false)));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      waitFor("whole note in the page", () -> ok(() -> whole(web)));
      assertThat(onFx(() -> text(web, "document.body.textContent.indexOf('[^late]')")))
          .as("the reference numbered once the definition came")
          .isEqualTo("-1");
      assertThat(onFx(() -> text(web, "document.querySelectorAll('a.footnote-ref').length")))
          .isEqualTo("1");
      assertThat(onFx(() -> text(web, "document.querySelectorAll('#far-end').length")))
          .isEqualTo("1");
      // KaTeX and highlight.js were not in the start's page: loaded with the rest.
      waitFor(
          "maths drawn",
          () ->
              ok(
                  () ->
                      near(web, ".math")
                          && "1"
                              .equals(
                                  text(web, "document.querySelectorAll('.math .katex').length"))));
      waitFor(
          "code coloured",
          () ->
              ok(
                  () ->
                      near(web, "pre code")
                          && "1"
                              .equals(
                                  text(web, "document.querySelectorAll('pre code.hljs').length"))));
      // A click on the heading link at the start scrolls to the end.
      runFx(() -> web.getEngine().executeScript("window.scrollTo(0, 0)"));
      runFx(
          () ->
              web.getEngine()
                  .executeScript("document.querySelector('a[href=\"#far-end\"]').click()"));
      waitFor("scrolled to the far heading", () -> ok(() -> scrollY(web) > 2000));

      // Another writer edits the start: rendered again, the place kept.
      double before = onFx(() -> scrollY(web));
      String body = ui.workspace().findNote(soul).orElseThrow().body();
      ui.workspace().editBody(soul, body.replace("Paragraph 3 ", "Paragraph three "));
      waitFor(
          "edit shown",
          () ->
              ok(
                  () ->
                      "true"
                          .equals(
                              text(
                                  web,
                                  "document.body.textContent.indexOf('Paragraph three') >= 0"))));
      waitFor("whole again", () -> ok(() -> whole(web)));
      waitFor("place kept", () -> ok(() -> Math.abs(scrollY(web) - before) < 50));
    }
  }

  private static boolean whole(WebView web) {
    return "true"
        .equals(
            text(
                web,
                "document.getElementById('rhizome-rest') === null"
                    + " && document.querySelector('.footnotes') !== null"));
  }

  private static double scrollY(WebView web) {
    Object v = web.getEngine().executeScript("window.scrollY");
    return v instanceof Number n ? n.doubleValue() : -1;
  }

  private static boolean near(WebView web, String selector) {
    return Boolean.TRUE.equals(
        web.getEngine()
            .executeScript(
                "(function(){var e=document.querySelector('"
                    + selector
                    + "');if(e){e.scrollIntoView();}return !!e;})()"));
  }

  private static String text(WebView web, String script) {
    if (web.getEngine().getDocument() == null) {
      return "";
    }
    return String.valueOf(web.getEngine().executeScript(script));
  }

  private static boolean ok(java.util.concurrent.Callable<Boolean> check) {
    try {
      return check.call();
    } catch (Exception e) {
      return false;
    }
  }
}
