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
 * A {@code ```query} block in the reading view shows its result, follows a change made by another
 * writer, ticks a task in its own note from a click, and shows a bad query's error in place.
 */
class QueryBlockIT {
  @TempDir Path dir;

  @Test
  void queryBlockShowsALiveResultAndTicksTasks() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote(
                  "Projects",
                  "Alpha",
                  "---\nstatus: active\n---\n#project\n- [ ] write the plan\n");
              ws.createNote("Projects", "Beta", "---\nstatus: done\n---\n#project\n");
              ws.createNote(
                  "Dashboard",
                  "```query\ntable status\nfrom #project\nsort title\n```\n\n"
                      + "```query\ntasks\nfrom #project\nwhere not completed\n```\n\n```query\ntable from where\n```\n");
            })) {
      Soul dashboard = ui.workspace().resolve("Dashboard").orElseThrow().soul();
      runFx(() -> ui.window().openNote(dashboard));
      waitFor(
          "open",
          () ->
              ok(
                  () ->
                      ui.window()
                          .editors()
                          .noteTab(dashboard)
                          .map(NoteTab::isLoaded)
                          .orElse(false)));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      waitFor(
          "the table's rows",
          () -> ok(() -> text(web).contains("Alpha") && text(web).contains("Beta")));
      assertThat(onFx(() -> count(web, ".rz-query-table a.internal-link"))).isEqualTo(2);
      assertThat(onFx(() -> count(web, ".rz-query-error")))
          .as("the bad query says what is wrong")
          .isEqualTo(1);

      // Another writer adds a project: the dashboard shows it without being touched.
      ui.workspace().createNote("Projects", "Gamma", "---\nstatus: new\n---\n#project\n");
      waitFor("the new project in the table", () -> ok(() -> text(web).contains("Gamma")));

      // Ticking the task in the result edits Alpha's text.
      Soul alpha = ui.workspace().resolve("Alpha").orElseThrow().soul();
      runFx(
          () ->
              web.getEngine()
                  .executeScript("document.querySelector('.rz-query input[data-soul]').click()"));
      waitFor(
          "task ticked in its note",
          () ->
              ok(
                  () ->
                      ui.workspace()
                          .findNote(alpha)
                          .orElseThrow()
                          .body()
                          .contains("- [x] write the plan")));
    }
  }

  /** A condition checked on the FX thread (waitFor runs it there). */
  private static boolean ok(java.util.concurrent.Callable<Boolean> check) {
    try {
      return check.call();
    } catch (Exception e) {
      return false;
    }
  }

  private static String text(WebView web) {
    Object t = web.getEngine().executeScript("document.body ? document.body.textContent : ''");
    return t == null ? "" : t.toString();
  }

  private static int count(WebView web, String selector) {
    Object n =
        web.getEngine().executeScript("document.querySelectorAll(\"" + selector + "\").length");
    return n instanceof Number v ? v.intValue() : 0;
  }
}
