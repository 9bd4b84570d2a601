package org.rhizome.ui.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.sync.replication.ReplicaLock;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.UiServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window with sync installed, as app installs it: the icon, the command, a shared
 * workspace created from the panel.
 */
@Timeout(90)
class SyncExtensionIT extends FxRobot {
  private static final long WAIT_SECONDS = 20;

  @TempDir Path dir;

  private Workspace personal;
  private SyncExtension sync;
  private DesktopSession session;

  @AfterEach
  void closeAll() throws Exception {
    if (session != null) {
      WaitForAsyncUtils.asyncFx(session::close).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    if (sync != null) {
      sync.close();
    }
    FxToolkit.cleanupStages();
    if (personal != null) {
      personal.close();
    }
  }

  private DeviceKey key;

  /** The person's own window, then a shared workspace created from its sync panel: its window. */
  private Stage openTeamWindow() throws Exception {
    FxToolkit.registerPrimaryStage();
    key = DeviceKey.generate(new SecureRandom());
    personal = Workspace.open(dir.resolve("workspaces/personal.db"), key);
    personal.createNote("Mine", "so no welcome notes");
    sync =
        new SyncExtension(
            key, dir.resolve("workspaces"), LoopbackSync.lockingIn(key, dir.resolve("run")));
    UiServices services = new UiServices(personal, dir, "Linux", Map.of(), List.of(sync));
    session =
        WaitForAsyncUtils.asyncFx(
                () -> new DesktopSession(services, new Stage(), new Properties(), false))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    session.ready().get(WAIT_SECONDS, TimeUnit.SECONDS);

    waitFor(
        "the icon says the personal workspace stays here",
        () -> iconText(session.stage()).equals("Local only"));
    WaitForAsyncUtils.asyncFx(() -> session.context().commands().run(SyncExtension.COMMAND))
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    waitFor(
        "the panel tab",
        () ->
            from(session.stage().getScene().getRoot())
                .lookup("#personalNotice")
                .tryQuery()
                .map(n -> n.isVisible())
                .orElse(false));

    clickOn("#createSharedButton");
    clickOn("#sharedName").write("Team notes");
    clickOn("#createConfirm");

    waitFor("a window on the new workspace", () -> teamWindow().isPresent());
    Stage team = teamWindow().orElseThrow();
    return team;
  }

  @Test
  void aSharedWorkspaceCreatedFromThePanelOpensInItsOwnWindowAndSyncs() throws Exception {
    Stage team = openTeamWindow();
    Path file = dir.resolve("workspaces/team-notes.db");
    assertThat(file).exists();
    waitFor("its sync is on", () -> iconText(team).equals("Sync on · no peers"));
    assertThat(ReplicaLock.tryAcquire(dir.resolve("run/team-notes.lock")))
        .as("held while the window syncs")
        .isEmpty();

    sync.close();
    Optional<ReplicaLock> free = ReplicaLock.tryAcquire(dir.resolve("run/team-notes.lock"));
    assertThat(free).as("released once sync is closed").isPresent();
    free.get().close();
    try (Workspace reopened = Workspace.open(file, key)) {
      assertThat(reopened.membership().mode()).isEqualTo(MembershipMode.MEMBERS);
      assertThat(reopened.membership().workspaceName()).isEqualTo("Team notes");
      assertThat(reopened.localSetting(SharedWorkspaces.ENABLED)).contains("true");
    }
  }

  @Test
  void closingTheSharedWorkspacesWindowStopsItsSyncAndFreesTheFile() throws Exception {
    Stage team = openTeamWindow();
    waitFor("its sync is on", () -> iconText(team).equals("Sync on · no peers"));
    assertThat(ReplicaLock.tryAcquire(dir.resolve("run/team-notes.lock"))).isEmpty();

    // As the person's click on the window's close button does; the main window stays open.
    WaitForAsyncUtils.asyncFx(
            () -> team.fireEvent(new WindowEvent(team, WindowEvent.WINDOW_CLOSE_REQUEST)))
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    waitFor("the window is gone", () -> teamWindow().isEmpty());
    waitFor(
        "its sync stopped and released the file",
        () -> {
          try {
            Optional<ReplicaLock> lock = ReplicaLock.tryAcquire(dir.resolve("run/team-notes.lock"));
            if (lock.isEmpty()) {
              return false;
            }
            lock.get().close();
            return true;
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertThat(session.stage().isShowing()).as("the main window stays").isTrue();
  }

  private Optional<Stage> teamWindow() {
    return Window.getWindows().stream()
        .filter(w -> w instanceof Stage s && "Rhizome — Team notes".equals(s.getTitle()))
        .map(w -> (Stage) w)
        .findFirst();
  }

  private String iconText(Stage stage) {
    return from(stage.getScene().getRoot())
        .lookup("#syncStatusIcon")
        .tryQueryAs(Label.class)
        .map(Label::getText)
        .orElse("");
  }

  private static void waitFor(String what, BooleanSupplier condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(
          WAIT_SECONDS,
          TimeUnit.SECONDS,
          () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting for: " + what, e);
    }
  }
}
