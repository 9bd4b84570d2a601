package org.rhizome.ui.shell;

import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rhizome.ui.settings.SettingsStore;
import org.rhizome.ui.settings.SystemTheme;

/**
 * Starts the desktop UI from {@code app}'s composition root with plain constructors: no {@code
 * Application} subclass, so nothing has to be smuggled through a static field into an object JavaFX
 * creates by reflection. The OS theme is asked and the settings read on other threads while the
 * toolkit starts.
 */
public final class DesktopApp {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DesktopApp.class);

  private DesktopApp() {}

  /**
   * Starts the JavaFX toolkit (if it is not running) and opens the main window.
   *
   * @return the open window, once its parts are built (its first, empty frame was on screen before)
   * @throws IllegalStateException (or another runtime exception) when JavaFX cannot start, e.g. no
   *     display
   */
  public static DesktopSession open(UiServices services) throws InterruptedException {
    SettingsStore store = new SettingsStore(services.settingsFile());
    CompletableFuture<Properties> settings = CompletableFuture.supplyAsync(store::read);
    CompletableFuture<Boolean> dark =
        CompletableFuture.supplyAsync(
            () -> SystemTheme.isDark(services.osName(), services.environment()));
    long t0 = System.nanoTime();
    startToolkit();
    log.info("JavaFX started in {} ms", (System.nanoTime() - t0) / 1_000_000);
    Platform.setImplicitExit(false);
    CompletableFuture<DesktopSession> session = new CompletableFuture<>();
    Properties read = settings.join();
    boolean isDark = dark.join();
    Platform.runLater(
        () -> {
          try {
            long start = System.nanoTime();
            DesktopSession opened = new DesktopSession(services, new Stage(), read, isDark);
            opened
                .shown()
                .thenAccept(
                    t ->
                        log.info(
                            "first frame (the empty window) {} ms after the toolkit started, {} ms after"
                                + " the stage was made",
                            (t - t0) / 1_000_000,
                            (t - start) / 1_000_000));
            opened
                .built()
                .whenComplete(
                    (w, failed) -> {
                      if (failed != null) {
                        session.completeExceptionally(failed);
                        return;
                      }
                      log.info(
                          "window's parts built {} ms after the toolkit started",
                          (System.nanoTime() - t0) / 1_000_000);
                      session.complete(opened);
                    });
            opened
                .ready()
                .thenRun(
                    () ->
                        log.info(
                            "last session's notes shown {} ms after the toolkit started",
                            (System.nanoTime() - t0) / 1_000_000));
          } catch (RuntimeException | Error e) {
            session.completeExceptionally(e);
          }
        });
    try {
      return session.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("the window could not be built", e.getCause());
    }
  }

  /** Opens the window and blocks until it is closed (the GUI's main loop), then stops JavaFX. */
  public static void run(UiServices services) throws InterruptedException {
    DesktopSession session = open(services);
    try {
      session.closed().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the window failed", e.getCause());
    } finally {
      Platform.exit();
    }
  }

  private static void startToolkit() throws InterruptedException {
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      Platform.startup(() -> started.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      started.complete(null);
    }
    try {
      started.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("JavaFX did not start", e.getCause());
    }
  }
}
