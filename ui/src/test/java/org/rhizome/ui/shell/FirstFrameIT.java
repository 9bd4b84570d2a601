package org.rhizome.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.TIMEOUT_SECONDS;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.settings.SettingsStore;
import org.testfx.api.FxToolkit;

/**
 * The window comes before the workspace: {@link DesktopApp#showFirst} shows the empty window in the
 * last session's theme and size with no workspace file at all, while the workspace opens on another
 * thread (here with a second writer adding notes to the same file); the window is then built in
 * that same stage and reopens the last session's note.
 */
class FirstFrameIT {
  @TempDir Path dir;

  @Test
  void theEmptyWindowNeedsNoWorkspaceAndTheWindowIsBuiltInIt() throws Exception {
    FxToolkit.registerPrimaryStage();
    Path file = dir.resolve("workspaces/personal.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Soul last;
    try (Workspace before = Workspace.open(file, key)) {
      last = before.createNote("", "Where I was", "the note of the last session");
    }
    Files.move(file, dir.resolve("elsewhere.db")); // nothing of the workspace while the frame shows
    Properties settings = new Properties();
    settings.setProperty("theme", "DARK");
    settings.setProperty("window.width", "900");
    settings.setProperty("window.height", "640");
    settings.setProperty("welcomeLoaded", "true");
    settings.setProperty("tabs.open", last.value());
    settings.setProperty("tabs.active", "0");
    new SettingsStore(dir.resolve("ui.properties")).write(settings);

    DesktopApp.FirstFrame first = DesktopApp.showFirst(dir, "Linux", Map.of());

    assertThat(onFx(() -> first.stage().isShowing())).isTrue();
    assertThat(onFx(() -> first.stage().getScene().getRoot().getStyleClass()))
        .contains("window-starting", "dark");
    assertThat(onFx(() -> first.stage().getWidth())).isEqualTo(900);
    assertThat(onFx(() -> first.stage().getHeight())).isEqualTo(640);
    assertThat(first.shownNanos()).isGreaterThanOrEqualTo(first.toolkitStartedNanos());
    assertThat(file).doesNotExist();

    Files.move(dir.resolve("elsewhere.db"), file);
    CompletableFuture<Workspace> opening =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Workspace.open(file, key);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try (Workspace other = Workspace.open(file, DeviceKey.generate(new SecureRandom()))) {
      for (int i = 0; i < 20; i++) {
        other.createNote("", "Written meanwhile " + i, "by another writer");
      }
      try (Workspace ws = opening.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        UiServices services = new UiServices(ws, dir, "Linux", Map.of(), List.of());
        DesktopSession session = DesktopApp.open(services, first);
        session.ready().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(session.stage()).isSameAs(first.stage());
        assertThat(onFx(() -> session.stage().getScene().getRoot().getStyleClass()))
            .doesNotContain("window-starting")
            .contains("dark");
        assertThat(onFx(() -> session.window().activeNote().getValue())).isEqualTo(last);
        UiHarness.waitFor(
            "the other writer's notes are counted",
            () -> {
              try {
                return ws.noteCount() == 21;
              } catch (Exception e) {
                return false;
              }
            });
        runFx(session::close);
        session.closed().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closingTheEmptyWindowClosesTheWindowOnceBuilt() throws Exception {
    FxToolkit.registerPrimaryStage();
    DesktopApp.FirstFrame first = DesktopApp.showFirst(dir, "Linux", Map.of());
    runFx(
        () ->
            first
                .stage()
                .fireEvent(new WindowEvent(first.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
    assertThat(onFx(() -> first.stage().isShowing())).isTrue(); // nothing to save yet: it waits

    try (Workspace ws =
        Workspace.open(
            dir.resolve("workspaces/personal.db"), DeviceKey.generate(new SecureRandom()))) {
      DesktopSession session =
          DesktopApp.open(new UiServices(ws, dir, "Linux", Map.of(), List.of()), first);
      session.closed().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(onFx(() -> first.stage().isShowing())).isFalse();
      assertThat(dir.resolve("ui.properties"))
          .exists(); // closed as a window closes: settings saved
    }
  }
}
