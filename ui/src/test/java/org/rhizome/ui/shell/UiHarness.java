package org.rhizome.ui.shell;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.ui.settings.SettingsStore;
import org.testfx.api.FxToolkit;

/**
 * A real main window on a real workspace file in a temp directory, for headless (Monocle) tests:
 * start it, run code on the FX thread, wait for conditions with a deadline, close everything.
 */
public final class UiHarness implements AutoCloseable {
  public static final long TIMEOUT_SECONDS = 45; // generous: CI boxes run several JVMs at once

  private final Path dataDirectory;
  private final Workspace workspace;
  private DesktopSession session;

  private UiHarness(Path dataDirectory, Workspace workspace) {
    this.dataDirectory = dataDirectory;
    this.workspace = workspace;
  }

  /**
   * Opens a workspace in {@code dir} and a window on it; {@code prepare} runs on the workspace
   * first.
   */
  public static UiHarness start(Path dir, WorkspaceSetup prepare) throws Exception {
    FxToolkit.registerPrimaryStage();
    Workspace ws =
        Workspace.open(
            dir.resolve("workspaces/personal.db"), DeviceKey.generate(new SecureRandom()));
    UiHarness h = new UiHarness(dir, ws);
    prepare.accept(ws);
    h.open();
    return h;
  }

  /** Opens a window on {@code ws}, a workspace the test made (a shared one, say), as it is. */
  public static UiHarness startWith(Path dir, Workspace ws) throws Exception {
    FxToolkit.registerPrimaryStage();
    UiHarness h = new UiHarness(dir, ws);
    h.open();
    return h;
  }

  /** Something done to the workspace before the window opens (create notes…). */
  @FunctionalInterface
  public interface WorkspaceSetup {
    void accept(Workspace ws) throws Exception;
  }

  /** Opens (again) a window on the same workspace and data directory; waits until it is ready. */
  public DesktopSession open() throws Exception {
    UiServices services = new UiServices(workspace, dataDirectory, "Linux", Map.of(), List.of());
    Properties settings = new SettingsStore(services.settingsFile()).read();
    session = onFx(() -> new DesktopSession(services, new Stage(), settings, false));
    session.ready().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return session;
  }

  public DesktopSession session() {
    return session;
  }

  public MainWindowView window() {
    return session.window();
  }

  public Workspace workspace() {
    return workspace;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Runs {@code work} on the FX thread and returns its result. */
  public static <T> T onFx(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  public static void runFx(Runnable work) throws Exception {
    onFx(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Waits (polling the FX thread every 20 ms) until {@code condition} holds, or fails after the
   * timeout.
   */
  public static void waitFor(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (onFx(condition::getAsBoolean)) {
        return;
      }
      CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))
          .join();
    }
    throw new AssertionError("timed out waiting for: " + what);
  }

  /** Closes the window (saving settings). */
  public void closeWindow() throws Exception {
    runFx(session::close);
    session.closed().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (session != null && !session.closed().isDone()) {
      closeWindow();
    }
    workspace.close();
  }
}
