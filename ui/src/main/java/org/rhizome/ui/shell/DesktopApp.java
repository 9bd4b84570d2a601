package org.rhizome.ui.shell;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.rhizome.ui.settings.SettingsStore;
import org.rhizome.ui.settings.SystemTheme;
import org.rhizome.ui.workbench.Settings;
import org.rhizome.ui.workbench.WindowState;

/**
 * Starts the desktop UI from {@code app}'s composition root with plain constructors: no {@code
 * Application} subclass, so nothing has to be smuggled through a static field into an object JavaFX
 * creates by reflection. The OS theme is asked and the settings read on other threads while the
 * toolkit starts.
 *
 * <p>The window can come before the workspace: {@link #showFirst} starts the toolkit and shows the
 * empty window (theme, size and place of the last session) with nothing of the workspace, so the
 * app shows it while the workspace opens on another thread; {@link #open(UiServices, FirstFrame)}
 * then builds the window in it.
 */
public final class DesktopApp {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DesktopApp.class);

  private DesktopApp() {}

  /**
   * The window's first frame, shown by {@link #showFirst}: its stage, the settings and OS theme
   * read for it, when ({@link System#nanoTime}) the toolkit was asked for and had started, the
   * stage was shown and its first frame laid out, and whether the person asked to close it before
   * the window was built in it.
   */
  public record FirstFrame(
      Stage stage,
      Properties settings,
      boolean dark,
      long toolkitAskedNanos,
      long toolkitStartedNanos,
      long stageShownNanos,
      long shownNanos,
      AtomicBoolean closeRequested) {}

  /**
   * Starts the JavaFX toolkit (if it is not running) and shows the window, empty, in the chosen
   * theme and at the last session's size and place: what a person sees first, needing nothing of
   * the workspace (so the caller may open it meanwhile). Returns once that frame is laid out.
   *
   * @throws IllegalStateException (or another runtime exception) when JavaFX cannot start, e.g. no
   *     display
   */
  public static FirstFrame showFirst(
      Path dataDirectory, String osName, Map<String, String> environment)
      throws InterruptedException {
    Early e = early;
    early = null;
    if (e != null) {
      if (e.dataDirectory().equals(dataDirectory.toAbsolutePath().normalize())) {
        try {
          return e.frame().get();
        } catch (ExecutionException failed) {
          Throwable cause = failed.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          if (cause instanceof InterruptedException ie) {
            throw ie;
          }
          throw new IllegalStateException("the window could not be shown", cause);
        }
      }
      // shown for another data directory than the one the command line named: not this window
      e.frame().thenAccept(f -> Platform.runLater(() -> f.stage().hide()));
    }
    return showFirstNow(dataDirectory, osName, environment);
  }

  /** The outline shown early, for the data directory it was shown for. */
  private record Early(Path dataDirectory, CompletableFuture<FirstFrame> frame) {}

  private static volatile @Nullable Early early;

  /**
   * Starts the toolkit and shows the window's outline ({@link #showFirst}) on a thread of its own
   * and returns at once: the launcher calls it first thing when it is going to open the window on
   * {@code dataDirectory}, so the outline is on screen while the command line is parsed and logging
   * set up. {@link #showFirst} for the same directory then returns that frame (or its failure, e.g.
   * no display).
   */
  public static void showFirstEarly(
      Path dataDirectory, String osName, Map<String, String> environment) {
    CompletableFuture<FirstFrame> frame = new CompletableFuture<>();
    early = new Early(dataDirectory.toAbsolutePath().normalize(), frame);
    Thread t =
        new Thread(
            () -> {
              try {
                frame.complete(showFirstNow(dataDirectory, osName, environment));
              } catch (InterruptedException | RuntimeException | Error e) {
                frame.completeExceptionally(e);
              }
            },
            "rhizome-fx-start");
    t.setDaemon(true);
    t.start();
  }

  private static FirstFrame showFirstNow(
      Path dataDirectory, String osName, Map<String, String> environment)
      throws InterruptedException {
    SettingsStore store = new SettingsStore(dataDirectory.resolve("ui.properties"));
    CompletableFuture<Properties> settings = CompletableFuture.supplyAsync(store::read);
    CompletableFuture<Boolean> dark =
        CompletableFuture.supplyAsync(() -> SystemTheme.isDark(osName, environment));
    long t0 = System.nanoTime();
    startToolkit();
    long started = System.nanoTime();
    log.info("JavaFX started in {} ms", (started - t0) / 1_000_000);
    Platform.setImplicitExit(false);
    Properties read = settings.join();
    boolean isDark = dark.join();
    CompletableFuture<FirstFrame> frame = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            Stage stage = new Stage();
            Settings initial = SettingsStore.fromProperties(read);
            WindowState state = initial.window();
            boolean skeletonDark = ThemeApplier.isDark(initial, isDark);
            // Plain regions, no style sheet: nothing of the theme or the controls loads for it.
            Scene scene =
                new Scene(
                    StartSkeleton.build(skeletonDark, state.sidebarDivider()),
                    state.width(),
                    state.height(),
                    skeletonDark ? StartSkeleton.DARK_BACKGROUND : StartSkeleton.LIGHT_BACKGROUND);
            stage.setTitle("Rhizome");
            stage.setScene(scene);
            if (state.hasPosition()) {
              stage.setX(state.x());
              stage.setY(state.y());
            }
            stage.setMaximized(state.maximized());
            AtomicBoolean closeRequested = new AtomicBoolean();
            stage.setOnCloseRequest(
                e -> {
                  e.consume(); // closed as soon as the window is built in it
                  closeRequested.set(true);
                });
            stage.show();
            long shownAt = System.nanoTime();
            WindowIcon.apply(stage); // decoded in the background: not in the first frame's way
            Pulses.next(scene)
                .thenAccept(
                    t -> {
                      log.info(
                          "first frame (the window's outline) {} ms after the toolkit started",
                          (t - started) / 1_000_000);
                      frame.complete(
                          new FirstFrame(
                              stage, read, isDark, t0, started, shownAt, t, closeRequested));
                    });
          } catch (RuntimeException | Error e) {
            frame.completeExceptionally(e);
          }
        });
    try {
      return frame.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("the window could not be shown", e.getCause());
    }
  }

  /**
   * Starts the JavaFX toolkit (if it is not running) and opens the main window.
   *
   * @return the open window, once its parts are built (its first, empty frame was on screen before)
   * @throws IllegalStateException (or another runtime exception) when JavaFX cannot start, e.g. no
   *     display
   */
  public static DesktopSession open(UiServices services) throws InterruptedException {
    return open(
        services, showFirst(services.dataDirectory(), services.osName(), services.environment()));
  }

  /**
   * Builds the main window on {@code services}' workspace in the window {@link #showFirst} showed.
   *
   * @return the open window, once its parts are built
   */
  public static DesktopSession open(UiServices services, FirstFrame first)
      throws InterruptedException {
    long t0 = first.toolkitStartedNanos();
    CompletableFuture<DesktopSession> session = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            DesktopSession opened =
                new DesktopSession(services, first.stage(), first.settings(), first.dark());
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
                      if (first.closeRequested().get()) {
                        opened.close();
                      }
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
    run(services, showFirst(services.dataDirectory(), services.osName(), services.environment()));
  }

  /**
   * As {@link #run(UiServices)}, in the window {@link #showFirst} showed (JavaFX is stopped even
   * when the window cannot be built).
   */
  public static void run(UiServices services, FirstFrame first) throws InterruptedException {
    run(services, first, s -> {});
  }

  /** As {@link #run(UiServices, FirstFrame)}, handing the built window to {@code onBuilt} first. */
  public static void run(
      UiServices services, FirstFrame first, java.util.function.Consumer<DesktopSession> onBuilt)
      throws InterruptedException {
    DesktopSession session;
    try {
      session = open(services, first);
      onBuilt.accept(session);
    } catch (RuntimeException | InterruptedException e) {
      Platform.exit();
      throw e;
    }
    try {
      session.closed().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the window failed", e.getCause());
    } finally {
      Platform.exit();
    }
  }

  /** Stops JavaFX, for a caller whose window will not be built after all (the open failed). */
  public static void stop() {
    Platform.exit();
  }

  /** The toolkit's start, once asked for. */
  private static final CompletableFuture<Void> TOOLKIT = new CompletableFuture<>();

  private static final AtomicBoolean TOOLKIT_ASKED = new AtomicBoolean();

  private static void askForToolkit() {
    try {
      Platform.startup(() -> TOOLKIT.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      TOOLKIT.complete(null);
    } catch (RuntimeException | Error e) {
      TOOLKIT.completeExceptionally(e);
    }
  }

  private static void startToolkit() throws InterruptedException {
    if (TOOLKIT_ASKED.compareAndSet(false, true)) {
      askForToolkit();
    }
    try {
      TOOLKIT.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("JavaFX did not start", e.getCause());
    }
  }
}
