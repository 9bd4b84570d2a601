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

class ReadingViewIT {
  @TempDir Path dir;

  @Test
  void readingViewRendersTheNoteAndItsWikilinksOpenNotes() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] =
                  ws.createNote(
                      "Start", "# Hello\n\nGo to [[Elsewhere|the other note]] now. #tagged");
              s[1] = ws.createNote("Elsewhere", "over here");
            })) {
      runFx(() -> ui.window().openNote(s[0]));
      waitFor(
          "open", () -> ui.window().editors().noteTab(s[0]).map(NoteTab::isLoaded).orElse(false));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      waitFor(
          "rendered",
          () ->
              web.getEngine().getDocument() != null
                  && web.getEngine().getDocument().getElementsByTagName("a").getLength() == 1);
      assertThat(
              onFx(
                  () ->
                      (String)
                          web.getEngine()
                              .executeScript("document.querySelector('h1').textContent")))
          .isEqualTo("Hello");
      assertThat(
              onFx(
                  () ->
                      (String)
                          web.getEngine()
                              .executeScript("document.querySelector('.tag').textContent")))
          .isEqualTo("#tagged");
      String light =
          onFx(
              () ->
                  (String)
                      web.getEngine()
                          .executeScript("getComputedStyle(document.body).backgroundColor"));
      runFx(() -> ui.session().context().commands().run("theme.toggle"));
      waitFor(
          "rendered again in the dark theme",
          () ->
              web.getEngine().getDocument() != null
                  && !light.equals(
                      web.getEngine()
                          .executeScript("getComputedStyle(document.body).backgroundColor")));
      waitFor(
          "links again",
          () ->
              web.getEngine().getDocument() != null
                  && web.getEngine().getDocument().getElementsByTagName("a").getLength() == 1);
      runFx(() -> web.getEngine().executeScript("document.querySelector('a').click()"));
      waitFor("linked note open", () -> s[1].equals(ui.window().editors().activeNote().get()));
    }
  }
}
