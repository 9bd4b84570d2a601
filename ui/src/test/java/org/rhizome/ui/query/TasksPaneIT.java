package org.rhizome.ui.query;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Tasks pane as a user meets it: tick a box, see the note change; a peer's task appears by
 * itself.
 */
@ExtendWith(ApplicationExtension.class)
class TasksPaneIT {
  @TempDir static Path dir;
  private Workspace peer;
  private Workspace workspace;
  private TasksPane pane;
  private Soul groceries;
  private final CompletableFuture<Soul> opened = new CompletableFuture<>();
  private final CompletableFuture<Throwable> failed = new CompletableFuture<>();

  @Start
  void start(Stage stage) throws Exception {
    peer =
        Workspace.open(
            dir.resolve("peer-" + System.nanoTime() + ".db"),
            DeviceKey.generate(new SecureRandom()));
    workspace =
        Workspace.open(
            dir.resolve("mine-" + System.nanoTime() + ".db"),
            peer.id(),
            DeviceKey.generate(new SecureRandom()),
            System::currentTimeMillis);
    groceries =
        workspace.createNote("Groceries", "- [ ] milk 📅 2026-01-02\n- [ ] bread\n- [x] eggs");
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    pane = new TasksPane(workspace, opened::complete, failed::complete);
    stage.setScene(new Scene(pane, 600, 400));
    stage.show();
  }

  @AfterEach
  void close() {
    pane.close();
    workspace.close();
    peer.close();
  }

  private List<String> shownTasks() {
    return pane.resultList().getItems().stream()
        .filter(i -> i instanceof QueryView.TaskItem)
        .map(i -> ((QueryView.TaskItem) i).row().task().text())
        .toList();
  }

  @Test
  void tickingABoxEditsTheNoteAndThePaneFollows(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> shownTasks().equals(List.of("milk", "bread")));

    CheckBox milk = robot.lookup(".query-results .check-box").nth(0).queryAs(CheckBox.class);
    robot.clickOn(milk);

    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> workspace.findNote(groceries).orElseThrow().body().startsWith("- [x] milk"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTasks().equals(List.of("bread")));
    assertThat(workspace.findNote(groceries).orElseThrow().body())
        .isEqualTo("- [x] milk 📅 2026-01-02\n- [ ] bread\n- [x] eggs");

    robot.interact(() -> pane.filter().setValue("Done"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTasks().size() == 2);
    assertThat(failed).isNotDone();
  }

  @Test
  void aPeersTaskAppearsWithoutAskingAndABadQueryShowsItsError(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTasks().size() == 2);
    Soul fromPeer = peer.createNote("From the peer", "- [ ] call back 📅 2025-12-01");
    workspace.applyRemote(
        peer.changesSince(VersionVector.EMPTY, 0, 100).stream().map(e -> e.bytes()).toList());
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> shownTasks().equals(List.of("call back", "milk", "bread")));

    robot.interact(
        () -> {
          pane.queryField().setText("tasks where due <");
          pane.restart();
        });
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> pane.statusLabel().getText().startsWith("line 1, column 18: expected a value"));
    assertThat(pane.resultList().getItems()).isEmpty();

    robot.interact(
        () -> {
          pane.queryField().setText("tasks where open");
          pane.restart();
        });
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTasks().size() == 3);
    javafx.scene.Node callBack =
        robot.lookup(org.testfx.matcher.control.LabeledMatchers.hasText("call back")).query();
    robot.clickOn(callBack);
    assertThat(opened.get(5, TimeUnit.SECONDS)).isEqualTo(fromPeer);
  }
}
