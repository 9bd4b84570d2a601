package org.rhizome.ui.peers;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.replication.ReplicaLock;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The sync panel, headless, on real workspace files and a second real peer on loopback. */
@Timeout(90)
class SyncPanelViewIT extends FxRobot {
  private static final long WAIT_SECONDS = 20;

  @TempDir Path dir;

  private final SecureRandom random = new SecureRandom();
  private Workspace workspace;
  private SyncSession session;
  private SyncViewModel model;
  private Workspace other;
  private WorkspaceSync otherSync;

  /** Fails the test if the panel asks for a workspace to be created: nothing here should. */
  private final SharedWorkspaceActions noWorkspaces =
      new SharedWorkspaceActions() {
        @Override
        public CompletableFuture<?> createShared(String workspaceName, String memberName) {
          throw new AssertionError("no workspace should be created");
        }

        @Override
        public CompletableFuture<?> join(Invite invite, String memberName) {
          throw new AssertionError("no join should start");
        }

        @Override
        public CompletableFuture<List<Path>> otherWorkspaces(Path current) {
          return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<?> open(Path workspaceFile) {
          throw new AssertionError("no workspace should be opened");
        }
      };

  private void showPanel(Workspace ws, DeviceKey key) throws Exception {
    workspace = ws;
    FxToolkit.registerPrimaryStage();
    session = new SyncSession(ws, new LoopbackSync(key, w -> dir.resolve("run/panel.lock")));
    FxToolkit.setupStage(
        stage -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          model = new SyncViewModel(session);
          SyncPanelView panel = new SyncPanelView(model, noWorkspaces);
          SyncStatusIcon icon = new SyncStatusIcon(model, () -> {});
          javafx.scene.layout.BorderPane frame =
              new javafx.scene.layout.BorderPane(panel.inScrollPane());
          frame.setBottom(icon.node());
          stage.setScene(new Scene(frame, 820, 760));
          stage.show();
          model.start();
        });
    waitFor("the panel has read the workspace", () -> model.snapshotProperty().get() != null);
  }

  /** A shared workspace with sync switched off, as after the person switched it off. */
  private DeviceKey sharedWorkspaceSwitchedOff() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Workspace ws = SharedWorkspaces.found(dir.resolve("team.db"), key, "Team", "Ada");
    ws.setLocalSetting(SharedWorkspaces.ENABLED, "false");
    workspace = ws;
    return key;
  }

  /**
   * A second device, joining with an invite, listening on loopback; the first knows its address.
   */
  private PeerId startSecondPeer() throws Exception {
    Invite invite = SharedWorkspaces.invite(workspace, Grant.MEMBER, Duration.ofDays(1), List.of());
    DeviceKey key = DeviceKey.generate(random);
    other =
        SharedWorkspaces.openForInvite(
            dir.resolve("second.db"), key, Invite.parse(invite.format()), "Bo");
    otherSync = WorkspaceSync.start(other, key, LoopbackSync.config(invite.secret(), List.of()));
    workspace.setLocalSetting(
        SharedWorkspaces.PEERS, otherSync.host().listenAddresses().get(0).toString());
    return otherSync.host().peerId();
  }

  @AfterEach
  void closeAll() throws Exception {
    FxToolkit.cleanupStages();
    if (model != null) {
      WaitForAsyncUtils.asyncFx(model::close).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    if (session != null) {
      session.close();
    }
    if (otherSync != null) {
      otherSync.close();
    }
    if (other != null) {
      other.close();
    }
    if (workspace != null) {
      workspace.close();
    }
  }

  @Test
  void switchingSyncOnConnectsTheSecondPeerAndKeepsTheChoice() throws Exception {
    DeviceKey key = sharedWorkspaceSwitchedOff();
    showPanel(workspace, key);
    PeerId second = startSecondPeer();
    assertThat(label("#syncState")).startsWith("Sync is off");
    assertThat(session.running()).isEmpty();

    clickOn("#syncSwitch");

    waitFor(
        "the second peer shows as connected",
        () -> model.peers().stream().anyMatch(p -> p.peer().equals(second) && p.connected()));
    waitFor(
        "the second device joined and is listed by name",
        () ->
            lookup("#memberList .member-name").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Bo")));
    assertThat(workspace.localSetting(SharedWorkspaces.ENABLED)).contains("true");
    assertThat(label("#syncState")).contains("Connected to 1 peer");
    assertThat(label("#syncStatusIcon")).isEqualTo("Synced · 1");
    waitFor("a last sync time", () -> !label("#lastSync").contains("not yet"));

    clickOn("#syncSwitch");
    waitFor("sync is off again", () -> label("#syncState").startsWith("Sync is off"));
    assertThat(session.running()).isEmpty();
    assertThat(workspace.localSetting(SharedWorkspaces.ENABLED)).contains("false");
  }

  @Test
  void syncThatAnotherProcessRunsIsNotStartedTwice() throws Exception {
    DeviceKey key = sharedWorkspaceSwitchedOff();
    showPanel(workspace, key);
    try (ReplicaLock serve = ReplicaLock.tryAcquire(dir.resolve("run/panel.lock")).orElseThrow()) {
      clickOn("#syncSwitch");
      waitFor(
          "a plain failure",
          () -> label("#syncMessage").startsWith("Sync could not start: another Rhizome process"));
      assertThat(label("#syncStatusIcon")).isEqualTo("Sync failed");
      assertThat(session.running()).isEmpty();
    }
  }

  @Test
  void anInviteShowsItsTextWhichJoinsThisWorkspace() throws Exception {
    DeviceKey key = sharedWorkspaceSwitchedOff();
    showPanel(workspace, key);
    assertThat(lookup("#inviteButton").queryButton().isDisabled())
        .as("no invite while sync is off")
        .isTrue();
    clickOn("#syncSwitch");
    waitFor(
        "sync runs",
        () -> session.running().isPresent() && !lookup("#inviteButton").queryButton().isDisabled());

    clickOn("#inviteButton");
    clickOn("#createInvite");
    waitFor(
        "the invite text",
        () -> !lookup("#inviteText").queryAs(TextArea.class).getText().isEmpty());

    String text = lookup("#inviteText").queryAs(TextArea.class).getText();
    assertThat(text).startsWith(Invite.PREFIX);
    Invite invite = Invite.parse(text);
    assertThat(invite.workspace()).isEqualTo(workspace.id());
    assertThat(invite.workspaceName()).isEqualTo("Team");
    assertThat(invite.addresses())
        .isNotEmpty()
        .allMatch(a -> a.toString().startsWith("/ip4/127.0.0.1/tcp/"));
    assertThat(label("#inviteNote")).startsWith("Send this text privately");
  }

  @Test
  void aMalformedInviteGetsAPlainErrorAndCannotBeUsed() throws Exception {
    DeviceKey key = sharedWorkspaceSwitchedOff();
    showPanel(workspace, key);
    clickOn("#joinButton");
    clickOn("#inviteInput").write("hello there");
    waitFor("an error", () -> !label("#joinError").isEmpty());
    assertThat(label("#joinError"))
        .isEqualTo("This is not a valid invite: an invite starts with rhizome-invite:");
    assertThat(lookup("#joinConfirm").queryButton().isDisabled()).isTrue();

    String damaged =
        SharedWorkspaces.invite(workspace, Grant.MEMBER, Duration.ofDays(1), List.of()).format();
    damaged =
        damaged.substring(0, damaged.length() - 3) + (damaged.endsWith("AAA") ? "BBB" : "AAA");
    String paste = damaged;
    WaitForAsyncUtils.asyncFx(() -> lookup("#inviteInput").queryAs(TextArea.class).setText(paste))
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    waitFor("the checksum error", () -> label("#joinError").contains("checksum"));
    assertThat(lookup("#joinConfirm").queryButton().isDisabled()).isTrue();
  }

  @Test
  void aPersonalWorkspaceSaysItCannotBeSharedAndOffersASharedOne() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    showPanel(Workspace.open(dir.resolve("personal.db"), key), key);
    assertThat(lookup("#personalNotice").query().isVisible()).isTrue();
    assertThat(lookup("#sharedControls").query().isVisible()).isFalse();
    assertThat(lookup("#createSharedButton").queryButton().getText())
        .isEqualTo("Create a shared workspace…");
    assertThat(label("#syncStatusIcon")).isEqualTo("Local only");
    assertThat(session.setEnabledAsync(true))
        .failsWithin(Duration.ofSeconds(WAIT_SECONDS))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("personal workspace stays on this device");
    assertThat(workspace.localSetting(SharedWorkspaces.ENABLED)).isEmpty();
  }

  private String label(String id) {
    Node n = lookup(id).query();
    try {
      return WaitForAsyncUtils.asyncFx(() -> ((Label) n).getText())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void waitFor(String what, BooleanSupplier condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(
          WAIT_SECONDS,
          TimeUnit.SECONDS,
          () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "timed out waiting for: "
              + what
              + " (the panel says: "
              + WaitForAsyncUtils.asyncFx(
                      () ->
                          new FxRobot().lookup("#syncMessage").queryLabeled().getText()
                              + " | "
                              + new FxRobot().lookup("#syncState").queryLabeled().getText())
                  .get()
              + ")",
          e);
    }
  }
}
