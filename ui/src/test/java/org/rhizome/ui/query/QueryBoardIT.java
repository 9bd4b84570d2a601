package org.rhizome.ui.query;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.text.Splice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board as a user meets it: drag a card to another column and the note's property changes (one
 * small front-matter edit that merges with a peer's edit of the same note) while another Workspace
 * on the same file keeps writing; the cards view shows one card per note.
 */
@ExtendWith(ApplicationExtension.class)
class QueryBoardIT {
  @TempDir static Path dir;
  private Workspace peer;
  private Workspace workspace;
  private Workspace other;
  private QueryView view;
  private Soul plan;
  private final CompletableFuture<Throwable> failed = new CompletableFuture<>();

  @Start
  void start(Stage stage) throws Exception {
    peer =
        Workspace.open(
            dir.resolve("peer-" + System.nanoTime() + ".db"),
            DeviceKey.generate(new SecureRandom()));
    Path mine = dir.resolve("mine-" + System.nanoTime() + ".db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    workspace = Workspace.open(mine, peer.id(), key, System::currentTimeMillis);
    other = Workspace.open(mine, key);
    plan = workspace.createNote("Plan", "---\nstatus: todo\nrating: 3\n---\nWrite the plan.");
    workspace.createNote("Ship", "---\nstatus: doing\n---\n");
    workspace.createNote("Rest", "---\nstatus: done\n---\n");
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    view =
        new QueryView(
            workspace,
            "table status, rating where status group by status",
            s -> {},
            failed::complete);
    view.modeChoice().setValue(QueryView.Mode.BOARD);
    stage.setScene(new Scene(view, 900, 500));
    stage.show();
  }

  @AfterEach
  void close() {
    view.close();
    other.close();
    workspace.close();
    peer.close();
  }

  private List<String> laneTitles(FxRobot robot, String status) {
    return robot.lookup(".query-board-column").queryAllAs(VBox.class).stream()
        .filter(l -> status.equals(((QueryBoard.Lane) l.getUserData()).key()))
        .flatMap(l -> l.getChildren().stream())
        .filter(n -> n.getStyleClass().contains("query-card"))
        .map(n -> ((QueryResult.Row) n.getUserData()).title())
        .toList();
  }

  @Test
  void draggingACardToAnotherColumnSetsThePropertyWhileOthersWrite(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> laneTitles(robot, "todo").equals(List.of("Plan")));
    assertThat(robot.lookup(".query-board-column").queryAll()).hasSize(3);

    // The peer edits the same note meanwhile (its change arrives after the drag), and another
    // Workspace on the same file keeps creating notes during it.
    peer.applyRemote(
        workspace.changesSince(VersionVector.EMPTY, 0, 1000).stream().map(e -> e.bytes()).toList());
    String peerBody = peer.findNote(plan).orElseThrow().body();
    peer.spliceBody(
        plan,
        List.of(new Splice(peerBody.codePointCount(0, peerBody.length()), 0, "\nAnd review it.")));
    AtomicReference<Throwable> writerFailed = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 20; i++) {
                  other.createNote("Other " + i, "no status here");
                }
              } catch (Throwable e) {
                writerFailed.set(e);
              }
            });
    writer.start();

    Node card =
        robot
            .lookup(".query-card")
            .match((Node n) -> ((QueryResult.Row) n.getUserData()).title().equals("Plan"))
            .query();
    Node doing =
        robot
            .lookup(".query-board-column")
            .match((Node n) -> "doing".equals(((QueryBoard.Lane) n.getUserData()).key()))
            .query();
    robot.drag(card).dropTo(doing);

    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> workspace.findNote(plan).orElseThrow().body().contains("status: doing"));
    assertThat(workspace.findNote(plan).orElseThrow().body())
        .isEqualTo("---\nstatus: doing\nrating: 3\n---\nWrite the plan.");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> laneTitles(robot, "doing").equals(List.of("Plan", "Ship")));
    assertThat(laneTitles(robot, "todo")).isEmpty();
    assertThat(workspace.bodyHistory(plan, 10)).hasSize(2); // created, then the one move

    writer.join(60_000);
    assertThat(writerFailed.get()).isNull();
    // Both edits of the note survive replication either way.
    workspace.applyRemote(
        peer.changesSince(VersionVector.EMPTY, 0, 1000).stream().map(e -> e.bytes()).toList());
    peer.applyRemote(
        workspace.changesSince(VersionVector.EMPTY, 0, 1000).stream().map(e -> e.bytes()).toList());
    String merged = "---\nstatus: doing\nrating: 3\n---\nWrite the plan.\nAnd review it.";
    assertThat(workspace.findNote(plan).orElseThrow().body()).isEqualTo(merged);
    assertThat(peer.findNote(plan).orElseThrow().body()).isEqualTo(merged);

    // A card dropped back on its own column, or a plain click, changes nothing.
    Node again =
        robot
            .lookup(".query-card")
            .match((Node n) -> ((QueryResult.Row) n.getUserData()).title().equals("Rest"))
            .query();
    Node done =
        robot
            .lookup(".query-board-column")
            .match((Node n) -> "done".equals(((QueryBoard.Lane) n.getUserData()).key()))
            .query();
    robot.drag(again).dropTo(done);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(workspace.query("list where status = \"done\"").rows())
        .extracting(QueryResult.Row::title)
        .containsExactly("Rest");
    assertThat(failed).isNotDone();
  }

  @Test
  void cardsShowOneCardPerNoteAndABoardWithoutGroupBySaysWhy(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          view.modeChoice().setValue(QueryView.Mode.CARDS);
          view.queryField().setText("table status, rating where status sort title");
          view.restart();
        });
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> robot.lookup(".query-cards .query-card").queryAll().size() == 3);
    assertThat(robot.lookup(".query-card .query-card-title").queryAllAs(Label.class))
        .extracting(Label::getText)
        .containsExactlyInAnyOrder("Plan", "Rest", "Ship");
    robot.interact(() -> view.modeChoice().setValue(QueryView.Mode.BOARD));
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> view.statusLabel().getText().contains("a board needs \"group by <property>\""));
  }
}
