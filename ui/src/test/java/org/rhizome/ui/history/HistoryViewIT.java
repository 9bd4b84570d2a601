package org.rhizome.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.model.Soul;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HistoryViewIT {
  @TempDir static Path dir;
  private Workspace workspace;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private HistoryView view;
  private Soul note;
  private final long[] now = {System.currentTimeMillis() - 3_600_000};

  @Start
  void start(Stage stage) throws Exception {
    // Each edit two minutes after the last: a pause of a minute makes a version of its own.
    workspace =
        Workspace.open(
            dir.resolve("history-" + System.nanoTime() + ".db"),
            org.rhizome.graph.store.GraphStore.randomWorkspaceId(new SecureRandom()),
            DeviceKey.generate(new SecureRandom()),
            () -> now[0]);
    note = workspace.createNote("Plans", "first draft\nof the plan\n");
    now[0] += 120_000;
    workspace.editBody(note, "second draft\nof the plan\nwith more\n");
    now[0] += 120_000;
    workspace.editBody(note, "final plan\n");
    now[0] += 120_000;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    view = new HistoryView(workspace, background, note);
    stage.setScene(new Scene(view, 1000, 600));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    // On the FX thread, as the window closes it: a reload already queued there then sees it closed.
    WaitForAsyncUtils.asyncFx(view::close).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    background.shutdownNow();
    workspace.close();
  }

  @Test
  void listsVersionsNewestFirstWithAuthorAndDiff(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 3);
    VersionRow newest = view.versionList().getItems().get(0);
    assertThat(newest.current()).isTrue();
    assertThat(newest.author().name()).isEqualTo("You");
    assertThat(newest.author().fingerprint()).isEqualTo(Member.fingerprint(workspace.actor()));
    // The second version is selected at first and compared with the current text.
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.diffList().getItems().isEmpty());
    assertThat(view.diffList().getItems())
        .extracting(DiffLine::text)
        .contains("second draft", "final plan");
  }

  @Test
  void restoringAnOldVersionMakesItTheCurrentText(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 3);
    robot.interact(() -> view.versionList().getSelectionModel().select(2));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.restoreButton().isDisabled());

    robot.clickOn(view.restoreButton());

    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 4);
    assertThat(workspace.findNote(note).orElseThrow().body())
        .isEqualTo("first draft\nof the plan\n");
    assertThat(view.statusLabel().getText()).startsWith("Restored the version of");
  }

  @Test
  void anEditElsewhereAppearsInTheList(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 3);
    workspace.editBodyAsync(note, "edited in another window\n").get(5, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 4);
  }

  @Test
  void typingBatchesMakeOneVersionWithItsTimeToTheSecondAndItsWords(FxRobot robot)
      throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 3);
    String typed = "one more line typed here\nand another one\nand a third\n";
    for (int i = 0; i < typed.length(); i += 2) {
      String body = workspace.findNote(note).orElseThrow().body();
      workspace.spliceBody(
          note,
          java.util.List.of(
              new org.rhizome.graph.text.Splice(
                  body.length(), 0, typed.substring(i, Math.min(typed.length(), i + 2)))));
      now[0] += 200;
    }
    assertThat(workspace.bodyHistory(note, 1000))
        .hasSizeGreaterThan(25); // 26 typing batches + 3 older edits
    // the list reloads as each batch lands: wait for the last reload
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            view.versionList().getItems().size() == 4
                && view.versionList().getItems().get(0).size().startsWith("+11 words"));
    VersionRow newest = view.versionList().getItems().get(0);
    assertThat(newest.when(java.time.ZoneId.systemDefault(), java.time.LocalDate.now()))
        .matches(".*\\d\\d:\\d\\d:\\d\\d");
    assertThat(newest.size()).startsWith("+11 words").contains("edits over");
  }

  @Test
  void restoringAVersionOfADeletedNoteBringsItBack(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 3);
    workspace.deleteNote(note);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> !view.versionList().getItems().get(0).current());
    robot.interact(() -> view.versionList().getSelectionModel().select(1));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.restoreButton().isDisabled());

    robot.clickOn(view.restoreButton());

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.findNote(note).isPresent());
    assertThat(workspace.findNote(note).orElseThrow().body())
        .isEqualTo("second draft\nof the plan\nwith more\n");
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> view.statusLabel().getText().startsWith("Brought the note back"));
  }
}
