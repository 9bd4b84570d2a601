package org.rhizome.ui.peers;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Role;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.ui.workbench.ErrorReporter;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The members panel and the sync log, headless, on real workspace files: an admin changes a
 * person's role and removes them through the panel while a second process on the same file changes
 * roles too; the removed person's later changes show in the log, from whom and why; a reader sees
 * every action disabled with the reason.
 */
@Timeout(120)
class MembersPanelIT extends FxRobot {
  private static final long WAIT_SECONDS = 20;

  @TempDir Path dir;

  private final SecureRandom random = new SecureRandom();
  private final List<Workspace> open = new ArrayList<>();
  private final List<String> reported = new CopyOnWriteArrayList<>();
  private Workspace ada;
  private DeviceKey adaKey;
  private SyncSession session;
  private SyncViewModel model;

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

  private Workspace keep(Workspace ws) {
    open.add(ws);
    return ws;
  }

  /** Ada founds "Team"; sync stays off (membership changes need no network). */
  private void found() throws Exception {
    adaKey = DeviceKey.generate(random);
    ada = keep(SharedWorkspaces.found(dir.resolve("team.db"), adaKey, "Team", "Ada"));
    ada.setLocalSetting(SharedWorkspaces.ENABLED, "false");
  }

  /** A person invited by Ada with {@code role}, on their own replica, caught up both ways. */
  private Workspace join(String name, Role role) throws Exception {
    InviteKey invite =
        ada.membership().createInviteAsync(Grant.MEMBER, role, Duration.ofDays(1)).get();
    DeviceKey key = DeviceKey.generate(random);
    Workspace ws = keep(Workspace.openToJoin(dir.resolve(name + ".db"), ada.id(), key));
    send(ada, ws);
    ws.membership().join(invite, name);
    assertThat(send(ws, ada)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    return ws;
  }

  /** Everything {@code from} has that {@code to} lacks, as sync would deliver it. */
  private static List<ApplyResult> send(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    return missing.isEmpty() ? List.of() : to.applyRemote(missing);
  }

  private void showPanel(Workspace ws, DeviceKey key) throws Exception {
    FxToolkit.registerPrimaryStage();
    session = new SyncSession(ws, new LoopbackSync(key, w -> dir.resolve("run/panel.lock")));
    ErrorReporter errors = new ErrorReporter();
    errors.showWith(reported::add);
    FxToolkit.setupStage(
        stage -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          model = new SyncViewModel(session);
          model.reportErrorsTo(errors);
          SyncPanelView panel = new SyncPanelView(model, noWorkspaces);
          stage.setScene(
              new Scene(new javafx.scene.layout.BorderPane(panel.inScrollPane()), 900, 1000));
          stage.show();
          model.start();
        });
    waitFor("the panel has read the workspace", () -> model.snapshotProperty().get() != null);
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
    for (Workspace w : open) {
      w.close();
    }
  }

  @Test
  void anAdminChangesARoleAndRemovesAPersonWhileAnotherProcessChangesRolesToo() throws Exception {
    found();
    Workspace bob = join("Bob", Role.READER);
    Workspace cleo = join("Cleo", Role.WRITER);
    send(ada, bob);
    send(ada, cleo);
    showPanel(ada, adaKey);
    String b = MembersPane.idOf(bob.actor());
    String c = MembersPane.idOf(cleo.actor());
    String a = MembersPane.idOf(ada.actor());

    waitFor("Bob is listed as a reader", () -> text("#roleBadge-" + b).equals("reader"));
    assertThat(text("#roleBadge-" + a)).isEqualTo("admin");
    Node bobCard = lookup("#member-" + b).query();
    assertThat(labelsIn(bobCard))
        .contains("Bob", org.rhizome.graph.membership.Member.fingerprint(bob.actor()));
    // Ada is the last admin: her own role is fixed, and she cannot remove herself.
    assertThat(combo("#role-" + a).isDisabled()).isTrue();
    assertThat(whyDisabled("#role-" + a)).contains("last admin");
    assertThat(lookup("#remove-" + a).queryButton().isDisabled()).isTrue();
    assertThat(whyDisabled("#remove-" + a)).contains("cannot remove yourself");
    assertThat(lookup("#revoke-" + a).queryButton().isDisabled()).isTrue();

    // The admin makes Bob a writer with the role list.
    // (Picked as the list's selection: the popup's cells are not reliably on screen headless.)
    interact(() -> combo("#role-" + b).getSelectionModel().select(Role.WRITER));
    eventually(
        "Bob is a writer on the replica",
        () -> ada.membership().role(bob.actor()).orElse(null) == Role.WRITER);
    waitFor("the badge says writer", () -> text("#roleBadge-" + b).equals("writer"));
    send(ada, bob); // Bob hears he is a writer now

    // Meanwhile another process on the same file (the CLI) makes Cleo an admin: the panel follows.
    try (Workspace cli = Workspace.open(dir.resolve("team.db"), adaKey)) {
      cli.membership().setRoleAsync(cleo.actor(), Role.ADMIN).get();
    }
    waitFor("Cleo shows as admin", () -> text("#roleBadge-" + c).equals("admin"));
    waitFor("Ada may now step down", () -> !combo("#role-" + a).isDisabled());

    // Bob keeps writing, offline; the admin removes him through the panel.
    clickOn("#remove-" + b);
    clickOn("#confirmAction");
    waitFor("Bob shows as removed", () -> text("#roleBadge-" + b).equals("removed"));
    assertThat(ada.membership().people())
        .filteredOn(p -> p.person().equals(bob.actor()))
        .singleElement()
        .satisfies(p -> assertThat(p.removed()).isTrue());
    assertThat(combo("#role-" + b).isDisabled()).isTrue();
    assertThat(lookup("#remove-" + b).queryButton().isDisabled()).isTrue();

    bob.createNote("After removal", "late words");
    List<ApplyResult> results = send(bob, ada);
    assertThat(results).anyMatch(r -> r.status() != ApplyResult.Status.APPLIED);

    // The refused change is not silent: the sync log shows it, from Bob, and why.
    ListView<?> log = lookup("#refusalLog").queryListView();
    waitFor("the refusal is listed", () -> !log.getItems().isEmpty());
    RefusalRow row = (RefusalRow) log.getItems().get(0);
    assertThat(row.from()).startsWith("Bob (");
    assertThat(row.reason()).isEqualTo("NOT_ALLOWED");
    assertThat(row.detail())
        .isNotBlank()
        .contains("Bob was removed")
        .doesNotContain(bob.actor().hex())
        .doesNotStartWith("NOT_ALLOWED");
    assertThat(RefusalLogView.summary(row)).contains("not allowed", "from Bob");
    assertThat(reported).isEmpty();
  }

  @Test
  void aRefusedActionIsReportedAndTheUiCarriesOn() throws Exception {
    found();
    Workspace bob = join("Bob", Role.WRITER);
    send(ada, bob);
    showPanel(ada, adaKey);
    String b = MembersPane.idOf(bob.actor());
    waitFor("Bob is listed", () -> text("#roleBadge-" + b).equals("writer"));

    // Between the panel's last read and the click, another process removes Bob: the click's change
    // is refused by the engine, reported, and the panel shows the workspace as it is.
    var bobAsShown = ada.membership().person("Bob");
    try (Workspace cli = Workspace.open(dir.resolve("team.db"), adaKey)) {
      cli.membership().removeAsync(bob.actor()).get();
      WaitForAsyncUtils.asyncFx(() -> model.setRole(bobAsShown, Role.ADMIN))
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    waitFor("the refusal is reported", () -> !reported.isEmpty());
    assertThat(reported.get(0)).startsWith("Could not make Bob an admin");
    waitFor("Bob shows as removed", () -> text("#roleBadge-" + b).equals("removed"));
    assertThat(lookup("#syncMessage").queryAs(Label.class).getText())
        .startsWith("Could not make Bob an admin");
  }

  @Test
  void aReaderSeesEveryActionDisabledWithTheReason() throws Exception {
    found();
    Workspace bob = join("Bob", Role.READER);
    send(ada, bob);
    showPanel(bob, DeviceKey.generate(random));
    String a = MembersPane.idOf(ada.actor());
    String b = MembersPane.idOf(bob.actor());
    waitFor("Ada is listed", () -> text("#roleBadge-" + a).equals("admin"));
    assertThat(text("#roleBadge-" + b)).isEqualTo("reader");
    for (String id : List.of("#role-" + a, "#role-" + b)) {
      assertThat(combo(id).isDisabled()).isTrue();
      assertThat(whyDisabled(id)).isEqualTo("Only an admin changes roles; you are reader.");
    }
    assertThat(whyDisabled("#remove-" + a)).startsWith("Only an admin removes people");
    assertThat(whyDisabled("#revoke-" + a)).startsWith("Only the device's own person");
    assertThat(whyDisabled("#revoke-" + b)).startsWith("A device is revoked from another device");
    assertThat(lookup("#inviteButton").queryButton().isDisabled()).isTrue();
  }

  private String text(String id) {
    var found = lookup(id).tryQuery();
    return found.isPresent() ? ((Label) found.get()).getText() : "";
  }

  @SuppressWarnings("unchecked")
  private ComboBox<Role> combo(String id) {
    return (ComboBox<Role>) lookup(id).query();
  }

  /** The reason a disabled control's wrapper shows on hover. */
  private String whyDisabled(String id) {
    Node n = lookup(id).query();
    return n.getUserData() instanceof String s ? s : "";
  }

  private static List<String> labelsIn(Node n) {
    List<String> out = new ArrayList<>();
    if (n instanceof Label l) {
      out.add(l.getText());
    }
    if (n instanceof javafx.scene.Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        out.addAll(labelsIn(child));
      }
    }
    return out;
  }

  /** Polls a read of the workspace on the test thread (not the FX thread). */
  private static void eventually(String what, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    try {
      WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  private static void waitFor(String what, BooleanSupplier condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(
          WAIT_SECONDS,
          TimeUnit.SECONDS,
          () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }
}
