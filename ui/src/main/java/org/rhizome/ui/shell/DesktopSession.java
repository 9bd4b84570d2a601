package org.rhizome.ui.shell;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.util.Duration;
import javafx.stage.Stage;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.settings.Settings;
import org.rhizome.ui.settings.SettingsStore;
import org.rhizome.ui.settings.WindowState;
import org.rhizome.ui.welcome.WelcomeNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open main window on one workspace: builds it on a stage, restores the last session (size,
 * pane widths, open tabs) or, on the first start of an empty workspace, loads the welcome notes;
 * on close, writes pending edits and saves the settings.
 *
 * <p>FX thread only, except {@link #closed()} and {@link #ready()}, which may be waited on anywhere.
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
  private final MainWindow window;
  private final ThemeApplier theme;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private boolean closing;
  static final long MAX_CLOSE_WAIT_NANOS = 10_000_000_000L;

  /**
   * Builds the window on {@code stage} and shows it.
   *
   * @param settingsRead the settings file as {@link SettingsStore#read} returned it (read off the FX thread)
   * @param systemIsDark the OS appearance (asked off the FX thread)
   */
  public DesktopSession(UiServices services, Stage stage, Properties settingsRead, boolean systemIsDark) {
    this.services = services;
    this.stage = stage;
    this.store = new SettingsStore(services.settingsFile());
    this.settings = SettingsStore.fromProperties(settingsRead);
    this.context = new AppContext(services.workspace(), background, errors, new CommandRegistry(), settings);
    this.window = new MainWindow(context);
    WindowState state = settings.window();
    Scene scene = new Scene((javafx.scene.Parent) window.root(), state.width(), state.height());
    scene.getStylesheets().add(DesktopSession.class.getResource("/org/rhizome/ui/shell/rhizome.css").toExternalForm());
    this.theme = new ThemeApplier(settings, systemIsDark, scene);
    window.attachTo(scene, theme, this::close);
    for (UiExtension extension : services.extensions()) {
      extension.install(context, window);
    }
    // Last resort on the FX thread: a failure nobody caught is one sentence in the status bar and a
    // stack trace in the log, and the window goes on.
    Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> errors.report("Something went wrong", e));
    stage.setTitle("Rhizome");
    WindowIcon.apply(stage);
    stage.setScene(scene);
    if (state.hasPosition()) {
      stage.setX(state.x());
      stage.setY(state.y());
    }
    stage.setMaximized(state.maximized());
    stage.setOnCloseRequest(e -> {
      e.consume();
      close();
    });
    window.restorePanes(state);
    stage.show();
    restoreTabs();
    // The lists load once the note the person is waiting for is on screen.
    ready.whenComplete((v, e) -> javafx.application.Platform.runLater(window::loadLists));
  }

  public Stage stage() {
    return stage;
  }

  public MainWindow window() {
    return window;
  }

  public AppContext context() {
    return context;
  }

  public ThemeApplier theme() {
    return theme;
  }

  /** Completes once the last session's notes (or the welcome note) are open and shown. */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** Completes when the window has closed and the settings are saved. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  private void restoreTabs() {
    List<String> tabs = settings.openTabs();
    int active = settings.activeTab();
    boolean firstStart = !settings.welcomeLoaded().get();
    background.loadUrgently(() -> {
      if (firstStart && services.workspace().noteCount() == 0) {
        Optional<Soul> welcome = WelcomeNotes.loadInto(services.workspace());
        return welcome.map(List::of).orElse(List.<Soul>of());
      }
      return tabs.stream().filter(Soul::isValid).map(Soul::new)
          .filter(s -> {
            try {
              return services.workspace().findNote(s).isPresent();
            } catch (org.rhizome.graph.api.StoreException e) {
              return false;
            }
          }).toList();
    }, souls -> {
      settings.welcomeLoaded().set(true);
      if (souls.isEmpty()) {
        ready.complete(null);
        return;
      }
      int selected = Math.max(0, Math.min(active, souls.size() - 1));
      for (int i = 0; i < souls.size(); i++) {
        if (i != selected) {
          window.openNote(souls.get(i), () -> { });
        }
      }
      window.openNote(souls.get(selected), () -> ready.complete(null));
    }, "Could not reopen the notes of the last session").exceptionally(e -> {
      ready.complete(null);
      return null;
    });
  }

  /** Saves the settings, hides the window, then completes {@link #closed()} once pending edits are written. Idempotent. */
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    window.editors().flushAll();
    settings.setWindow(window.windowState(stage.getX(), stage.getY(), stage.isMaximized() ? settings.window().width()
        : stage.getWidth(), stage.isMaximized() ? settings.window().height() : stage.getHeight(), stage.isMaximized()));
    settings.setOpenTabs(window.editors().openNotes().stream().map(Soul::value).toList(), window.editors().activeNoteIndex());
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
    if (window.editors().hasUnsavedEdits() && System.nanoTime() < deadline) {
      window.editors().flushAll();
      PauseTransition again = new PauseTransition(Duration.millis(20));
      again.setOnFinished(e -> finishWhenWritten(deadline));
      again.play();
      return;
    }
    if (window.editors().hasUnsavedEdits()) {
      log.error("closing with edits the engine has not confirmed after {} s", MAX_CLOSE_WAIT_NANOS / 1_000_000_000L);
    }
    context.close();
    background.close();
    closed.complete(null);
  }

}
