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
 * {@code view: cards} and {@code view: board} in a {@code ```query} block: cards, and a board's
 * columns that follow another writer.
 */
class QueryBlockViewsIT {
  @TempDir Path dir;

  @Test
  void cardsAndBoardRenderInTheReadingViewAndFollowChanges() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("Alpha", "---\nstatus: todo\nowner: Ann\n---\n");
              ws.createNote("Beta", "---\nstatus: doing\n---\n");
              ws.createNote(
                  "Board",
                  "```query\nview: board\ntable owner where status group by status\n```\n\n"
                      + "```query\nview: cards\nlist where status sort title\n```\n\n```query\nview: board\nlist where status\n```\n");
            })) {
      Soul board = ui.workspace().resolve("Board").orElseThrow().soul();
      runFx(() -> ui.window().openNote(board));
      waitFor(
          "open",
          () ->
              ok(() -> ui.window().editors().noteTab(board).map(NoteTab::isLoaded).orElse(false)));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      waitFor("the board", () -> ok(() -> count(web, ".rz-query-board .rz-board-column") == 2));
      assertThat(onFx(() -> count(web, ".rz-board-column[data-value='todo'] .rz-card")))
          .isEqualTo(1);
      assertThat(onFx(() -> count(web, ".rz-query-cards .rz-card"))).isEqualTo(2);
      assertThat(onFx(() -> count(web, ".rz-query-error")))
          .as("a board without group by says why")
          .isEqualTo(1);

      // Another writer moves Beta to todo and adds a third note: the board follows by itself.
      Soul beta = ui.workspace().resolve("Beta").orElseThrow().soul();
      ui.workspace().editBody(beta, "---\nstatus: todo\n---\n");
      ui.workspace().createNote("Gamma", "---\nstatus: done\n---\n");
      waitFor(
          "the board follows",
          () ->
              ok(
                  () ->
                      count(web, ".rz-board-column[data-value='todo'] .rz-card") == 2
                          && count(web, ".rz-board-column") == 2
                          && count(web, ".rz-board-column[data-value='done'] .rz-card") == 1));
    }
  }

  private static boolean ok(java.util.concurrent.Callable<Boolean> check) {
    try {
      return check.call();
    } catch (Exception e) {
      return false;
    }
  }

  private static int count(WebView web, String selector) {
    Object n =
        web.getEngine().executeScript("document.querySelectorAll(\"" + selector + "\").length");
    return n instanceof Number v ? v.intValue() : 0;
  }
}
