package org.rhizome.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.Soul;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reader sees a note's history, named, but "Restore" is disabled with the reason; it comes on
 * when an admin makes them a writer while the history is open.
 */
class ReaderHistoryIT extends FxRobot {
  @TempDir Path dir;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final List<Workspace> open = new ArrayList<>();
  private HistoryView view;

  private static void send(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    if (!missing.isEmpty()) {
      to.applyRemote(missing);
    }
  }

  @AfterEach
  void close() throws Exception {
    if (view != null) {
      WaitForAsyncUtils.asyncFx(view::close).get(10, TimeUnit.SECONDS);
    }
    FxToolkit.cleanupStages();
    background.shutdownNow();
    open.forEach(Workspace::close);
  }

  @Test
  void restoreIsForWritersOnly() throws Exception {
    SecureRandom random = new SecureRandom();
    Workspace ada =
        Workspace.create(dir.resolve("ada.db"), DeviceKey.generate(random), "Team", "Ada");
    open.add(ada);
    Soul note = ada.createNote("Plan", "one");
    ada.editBody(note, "one two");
    InviteKey invite =
        ada.membership().createInviteAsync(Grant.MEMBER, Role.READER, Duration.ofDays(1)).get();
    Workspace bob =
        Workspace.openToJoin(dir.resolve("bob.db"), ada.id(), DeviceKey.generate(random));
    open.add(bob);
    send(ada, bob);
    bob.membership().join(invite, "Bob");
    send(bob, ada);

    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          view = new HistoryView(bob, background, note);
          stage.setScene(new Scene(view, 1000, 600));
          stage.show();
        });
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 1);
    assertThat(view.versionList().getItems().get(0).author().name()).isEqualTo("Ada");
    interact(() -> view.versionList().getSelectionModel().select(0));
    assertThat(view.restoreButton().isDisabled()).isTrue();

    // Bob is made a writer and writes a version of his own: Ada's can be restored now.
    ada.membership().setRoleAsync(bob.actor(), Role.WRITER).get();
    send(ada, bob);
    bob.editBody(note, "one two, said Bob");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> view.versionList().getItems().size() == 2);
    interact(() -> view.versionList().getSelectionModel().select(1));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.restoreButton().isDisabled());
  }
}
