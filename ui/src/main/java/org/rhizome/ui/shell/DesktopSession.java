package org.rhizome.ui.shell;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.settings.SettingsStore;
import org.rhizome.ui.welcome.WelcomeNotes;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.BackgroundExecutor;
import org.rhizome.ui.workbench.CommandRegistry;
import org.rhizome.ui.workbench.ErrorReporter;
import org.rhizome.ui.workbench.Settings;
import org.rhizome.ui.workbench.UiExtension;
import org.rhizome.ui.workbench.WindowState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open main window on one workspace. The window comes first: the stage is shown with an empty
 * frame in the chosen theme (nothing of the workspace needed), the note the person was on starts
 * loading in the background at the same moment, and the window's parts are built after that first
 * frame and fill the frame; the last session (size, pane widths, open tabs) is restored, or, on the
 * first start of an empty workspace, the welcome notes are loaded. On close, writes pending edits
 * and saves the settings.
 *
 * <p>FX thread only, except {@link #shown()}, {@link #closed()} and {@link #ready()}, which may be
 * waited on anywhere.
 */
public final class DesktopSession {
  private static final Logger log = LoggerFactory.getLogger(DesktopSession.class);

  private final UiServices services;
  private final Stage stage;
  private final Settings settings;
  private final SettingsStore store;
  private final ErrorReporter errors = new ErrorReporter();
  private final BackgroundExecutor background = new BackgroundExecutor(errors);
  private final AppContext context;
  private final StackPane root = new StackPane();
  private @Nullable MainWindowView window;
  private final ThemeApplier theme;
  private final CompletableFuture<Long> shown = new CompletableFuture<>();
  private final CompletableFuture<MainWindowView> built = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private boolean closing;
  private boolean closeWhenBuilt;

  /**
   * The empty frame's style class: the theme's background, so a dark window does not flash white
   * first.
   */
  static final String STARTING = "window-starting";

  static final String STYLESHEET =
      DesktopSession.class.getResource("/org/rhizome/ui/shell/rhizome.css").toExternalForm();

  static final long MAX_CLOSE_WAIT_NANOS = 10_000_000_000L;

  /**
   * Shows the window on {@code stage} at once, then builds its parts after the first frame.
   *
   * @param settingsRead the settings file as {@link SettingsStore#read} returned it (read off the
   *     FX thread)
   * @param systemIsDark the OS appearance (asked off the FX thread)
   */
  public DesktopSession(
      UiServices services, Stage stage, Properties settingsRead, boolean systemIsDark) {
    this.services = services;
    this.stage = stage;
    this.store = new SettingsStore(services.settingsFile());
    this.settings = SettingsStore.fromProperties(settingsRead);
    this.context =
        new AppContext(services.workspace(), background, errors, new CommandRegistry(), settings);
    WindowState state = settings.window();
    root.getStyleClass().addAll("rhizome-root", STARTING);
    // In the window DesktopApp.showFirst showed, its outline stays on screen until the parts
    // replace it (no blank frame between the two).
    Scene scene = stage.getScene();
    if (scene == null) {
      scene = new Scene(root, state.width(), state.height());
    } else {
      javafx.scene.Parent outline = scene.getRoot();
      scene.setRoot(root);
      root.getChildren().add(outline);
    }
    scene.getStylesheets().add(STYLESHEET);
    this.theme = new ThemeApplier(settings, systemIsDark, scene);
    // Last resort on the FX thread: a failure nobody caught is one sentence in the status bar and a
    // stack trace in the log, and the window goes on.
    Thread.currentThread()
        .setUncaughtExceptionHandler((thread, e) -> errors.report("Something went wrong", e));
    stage.setTitle("Rhizome");
    if (stage.getIcons().isEmpty()) {
      WindowIcon.apply(stage);
    }
    stage.setScene(scene);
    if (state.hasPosition()) {
      stage.setX(state.x());
      stage.setY(state.y());
    }
    stage.setMaximized(state.maximized());
    stage.setOnCloseRequest(
        e -> {
          e.consume();
          close();
        });
    stage.show();
    restoreTabs();
    // The parts are built once the empty frame is on screen; a run of the FX thread later, so
    // that frame renders first.
    Pulses.next(scene)
        .thenAccept(
            t -> {
              shown.complete(t);
              Platform.runLater(() -> build(state));
            });
    // The lists load once the note the person is waiting for is on screen (the frame after it is
    // laid out); the reading view's warm-up waits until the note list is whole (and then for the
    // person to leave the window alone): nothing competes with the first usable frame.
    ready.whenComplete(
        (v, e) ->
            Platform.runLater(
                () ->
                    Pulses.next(stage.getScene())
                        .thenRun(
                            () ->
                                Platform.runLater(
                                    () -> {
                                      if (window != null && !closing) {
                                        window.loadLists();
                                        window
                                            .noteList()
                                            .allShown()
                                            .thenRun(
                                                () -> {
                                                  if (!closing) {
                                                    org.rhizome.ui.editor.ReadingWarmUp.start(
                                                        context);
                                                  }
                                                });
                                      }
                                    }))));
  }

  private void build(WindowState state) {
    try {
      MainWindowView w = new MainWindowView(context, root);
      root.getStyleClass().remove(STARTING);
      window = w;
      w.attachTo(stage.getScene(), theme, this::close);
      for (UiExtension extension : services.extensions()) {
        extension.install(context, w);
      }
      w.restorePanes(state);
      // As showing the stage did when the parts were built first: their skins exist from now on
      // (a lookup finds the sidebar's tabs), not only after the next pulse.
      root.applyCss();
      root.layout();
      built.complete(w);
    } catch (RuntimeException | Error e) {
      // DesktopApp.open rethrows it; the empty window stays until its owner closes it.
      log.error("could not build the window", e);
      built.completeExceptionally(e);
      ready.complete(null);
      return;
    }
    if (closeWhenBuilt) {
      close();
    }
  }

  public Stage stage() {
    return stage;
  }

  /**
   * The window's parts.
   *
   * @throws IllegalStateException before they are built (they are once {@link #built()} or {@link
   *     #ready()} completes)
   */
  public MainWindowView window() {
    if (window == null) {
      throw new IllegalStateException(
          "the window's parts are not built yet: wait for built() or ready()");
    }
    return window;
  }

  public AppContext context() {
    return context;
  }

  public ThemeApplier theme() {
    return theme;
  }

  /**
   * Completes (with its {@link System#nanoTime}) once the first frame of the window, still empty,
   * is laid out.
   */
  public CompletableFuture<Long> shown() {
    return shown;
  }

  /** Completes on the FX thread once the window's parts are built and in the window. */
  public CompletableFuture<MainWindowView> built() {
    return built;
  }

  /** Completes once the last session's notes (or the welcome note) are open and shown. */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** Completes when the window has closed and the settings are saved. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /** Reads which notes to reopen while the window is being built; opens them once it is. */
  private void restoreTabs() {
    List<String> tabs = settings.openTabs();
    int active = settings.activeTab();
    boolean firstStart = !settings.welcomeLoaded().get();
    background
        .loadUrgently(
            () -> {
              if (firstStart && services.workspace().noteCount() == 0) {
                Optional<Soul> welcome = WelcomeNotes.loadInto(services.workspace());
                return welcome.map(List::of).orElse(List.<Soul>of());
              }
              return tabs.stream()
                  .filter(Soul::isValid)
                  .map(Soul::new)
                  .filter(
                      s -> {
                        try {
                          return services.workspace().findNote(s).isPresent();
                        } catch (org.rhizome.graph.api.StoreException e) {
                          return false;
                        }
                      })
                  .toList();
            },
            souls ->
                built.thenAccept(
                    w -> {
                      settings.welcomeLoaded().set(true);
                      if (souls.isEmpty()) {
                        ready.complete(null);
                        return;
                      }
                      int selected = Math.max(0, Math.min(active, souls.size() - 1));
                      for (int i = 0; i < souls.size(); i++) {
                        if (i != selected) {
                          w.openNote(souls.get(i), () -> {});
                        }
                      }
                      w.openNote(souls.get(selected), () -> ready.complete(null));
                    }),
            "Could not reopen the notes of the last session")
        .exceptionally(
            e -> {
              ready.complete(null);
              return null;
            });
  }

  /**
   * Saves the settings, hides the window, then completes {@link #closed()} once pending edits are
   * written. Idempotent.
   */
  public void close() {
    if (closing) {
      return;
    }
    MainWindowView window = this.window;
    if (window == null) {
      closeWhenBuilt = true; // asked to close in the moment between the first frame and the parts
      return;
    }
    closing = true;
    window.editors().flushAll();
    settings.setWindow(
        window.windowState(
            stage.getX(),
            stage.getY(),
            stage.isMaximized() ? settings.window().width() : stage.getWidth(),
            stage.isMaximized() ? settings.window().height() : stage.getHeight(),
            stage.isMaximized()));
    settings.setOpenTabs(
        window.editors().openNotes().stream().map(Soul::value).toList(),
        window.editors().activeNoteIndex());
    Properties snapshot = SettingsStore.snapshot(settings);
    stage.hide();
    try {
      store.write(snapshot);
    } catch (IOException e) {
      log.error("could not save the window settings to {}", store.file(), e);
    }
    finishWhenWritten(System.nanoTime() + MAX_CLOSE_WAIT_NANOS);
  }

  /**
   * Completes {@link #closed()} once every editor's last edits are written (an edit still in flight
   * when the window closed sends the rest when it completes), so the caller may then close the
   * workspace without losing a keystroke. Gives up after {@link #MAX_CLOSE_WAIT_NANOS}.
   */
  private void finishWhenWritten(long deadline) {
    MainWindowView window = window();
    if (window.editors().hasUnsavedEdits() && System.nanoTime() < deadline) {
      window.editors().flushAll();
      PauseTransition again = new PauseTransition(Duration.millis(20));
      again.setOnFinished(e -> finishWhenWritten(deadline));
      again.play();
      return;
    }
    if (window.editors().hasUnsavedEdits()) {
      log.error(
          "closing with edits the engine has not confirmed after {} s",
          MAX_CLOSE_WAIT_NANOS / 1_000_000_000L);
    }
    context.close();
    background.close();
    closed.complete(null);
  }
}
