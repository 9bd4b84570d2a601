package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.UiHarness;
import org.testfx.api.FxRobot;

/**
 * Dragging a card of a {@code ```query} board in the reading view, with the mouse: the note's
 * property takes the column's value (typed: a number stays a number) as one edit of its front
 * matter, while another Workspace on the same file keeps writing; the board re-renders with the
 * card in its new column. A click on a card (no move) changes nothing.
 */
class QueryBlockDragIT {
  @TempDir Path dir;

  @Test
  void aCardDraggedToAnotherColumnOfAReadingViewBoardSetsTheProperty() throws Exception {
    Soul[] s = new Soul[3];
    try (UiHarness ui =
            UiHarness.start(
                dir,
                ws -> {
                  s[0] = ws.createNote("Alpha", "---\nstatus: todo\nrating: 1\n---\nFirst.");
                  ws.createNote("Beta", "---\nstatus: doing\nrating: 2\n---\n");
                  s[2] =
                      ws.createNote(
                          "Board",
                          "```query\nview: board\ntable rating where status group by status\n```\n\n"
                              + "```query\nview: board\nlist where rating group by rating\n```\n");
                });
        Workspace other =
            Workspace.open(ui.workspace().file(), DeviceKey.generate(new SecureRandom()))) {
      runFx(() -> ui.window().openNote(s[2]));
      waitFor(
          "open",
          () -> ok(() -> ui.window().editors().noteTab(s[2]).map(NoteTab::isLoaded).orElse(false)));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      String alphaInStatus =
          ".rz-query-board[data-property='status'] .rz-card[data-soul='" + s[0].value() + "']";
      waitFor("the boards", () -> ok(() -> count(web, alphaInStatus) == 1));

      AtomicReference<Throwable> writerFailed = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 20; i++) {
                    other.createNote("Other " + i, "no status");
                  }
                } catch (Throwable e) {
                  writerFailed.set(e);
                }
              });
      writer.start();

      FxRobot robot = new FxRobot();
      // A click on the card (no move) is not a drag.
      robot
          .moveTo(centre(web, alphaInStatus))
          .press(MouseButton.PRIMARY)
          .release(MouseButton.PRIMARY);
      Thread.sleep(300);
      assertThat(ui.workspace().findNote(s[0]).orElseThrow().body())
          .isEqualTo("---\nstatus: todo\nrating: 1\n---\nFirst.");

      // Alpha from "todo" to "doing" on the status board.
      robot
          .drag(onCard(web, alphaInStatus), MouseButton.PRIMARY)
          .dropTo(
              centre(
                  web,
                  ".rz-query-board[data-property='status'] .rz-board-column[data-value='doing'] h4"));
      waitFor(
          "the property set",
          () ->
              ok(
                  () ->
                      ui.workspace()
                          .findNote(s[0])
                          .orElseThrow()
                          .body()
                          .contains("status: doing")));
      assertThat(ui.workspace().findNote(s[0]).orElseThrow().body())
          .isEqualTo("---\nstatus: doing\nrating: 1\n---\nFirst.");
      waitFor(
          "the board shows the move",
          () ->
              ok(
                  () ->
                      count(
                              web,
                              ".rz-query-board[data-property='status'] .rz-board-column[data-value='doing'] .rz-card")
                          == 2));

      // On the rating board, a number column writes a number (not the text "2").
      String alphaInRating =
          ".rz-query-board[data-property='rating'] .rz-card[data-soul='" + s[0].value() + "']";
      waitFor("the rating board", () -> ok(() -> count(web, alphaInRating) == 1));
      robot
          .drag(onCard(web, alphaInRating), MouseButton.PRIMARY)
          .dropTo(
              centre(
                  web,
                  ".rz-query-board[data-property='rating'] .rz-board-column[data-value='2'] h4"));
      waitFor(
          "the number set",
          () -> ok(() -> ui.workspace().findNote(s[0]).orElseThrow().body().contains("rating: 2")));
      assertThat(ui.workspace().findNote(s[0]).orElseThrow().body())
          .isEqualTo("---\nstatus: doing\nrating: 2\n---\nFirst.");
      assertThat(ui.workspace().query("count where rating = 2").count()).isEqualTo(2);
      assertThat(ui.workspace().bodyHistory(s[0], 10)).hasSize(3); // created, two moves

      writer.join(60_000);
      assertThat(writerFailed.get()).isNull();
    }
  }

  /** A point of a card away from its title link (a click there would follow the link). */
  private static Point2D onCard(WebView web, String selector) throws Exception {
    return onFx(
        () -> {
          Object r =
              web.getEngine()
                  .executeScript(
                      "(function(){var e=document.querySelector(\""
                          + selector
                          + "\");e.scrollIntoView({block:'center'});var b=e.getBoundingClientRect();"
                          + "return (b.right-8)+','+(b.bottom-5);})()");
          String[] xy = String.valueOf(r).split(",");
          return web.localToScreen(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
        });
  }

  /** The centre of the first element matching {@code selector}, on the screen. */
  private static Point2D centre(WebView web, String selector) throws Exception {
    return onFx(
        () -> {
          Object r =
              web.getEngine()
                  .executeScript(
                      "(function(){var e=document.querySelector(\""
                          + selector
                          + "\");e.scrollIntoView({block:'center'});var b=e.getBoundingClientRect();"
                          + "return (b.left+b.width/2)+','+(b.top+b.height/2);})()");
          String[] xy = String.valueOf(r).split(",");
          return web.localToScreen(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
        });
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
