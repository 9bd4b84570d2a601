package org.rhizome.ui.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;

/**
 * What every part of the window shares: the open workspace, the background executor, the command
 * registry, the error reporter, the settings, and the {@link MainWindow} (open a note, open a view
 * in a tab). Built once per window by the shell; handed to each component's constructor.
 *
 * <p>FX thread only, except {@link #workspace()}, {@link #background()} and {@link #errors()},
 * which are thread-safe.
 */
public final class AppContext {
  private final Workspace workspace;
  private final BackgroundExecutor background;
  private final ErrorReporter errors;
  private final CommandRegistry commands;
  private final Settings settings;
  private @Nullable MainWindow window;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final List<java.util.function.Predicate<Soul>> noteOpeners = new ArrayList<>();
  private boolean closed;

  public AppContext(
      Workspace workspace,
      BackgroundExecutor background,
      ErrorReporter errors,
      CommandRegistry commands,
      Settings settings) {
    this.workspace = Objects.requireNonNull(workspace);
    this.background = background;
    this.errors = errors;
    this.commands = commands;
    this.settings = settings;
  }

  /** The open workspace. Its reads block: call them through {@link #background()}. */
  public Workspace workspace() {
    return workspace;
  }

  public BackgroundExecutor background() {
    return background;
  }

  public ErrorReporter errors() {
    return errors;
  }

  public CommandRegistry commands() {
    return commands;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Opens a note: in the first opener that takes it (a saved query opens as its view), else in an
   * editor tab (see {@link MainWindow#openNote}, which always opens the editor).
   */
  public void openNote(Soul soul) {
    for (java.util.function.Predicate<Soul> opener : noteOpeners) {
      if (opener.test(soul)) {
        return;
      }
    }
    window().openNote(soul);
  }

  /**
   * Lets a feature open some notes its own way: {@code opener} returns true when it opened the note
   * (FX thread; it must decide without blocking).
   */
  public void addNoteOpener(java.util.function.Predicate<Soul> opener) {
    noteOpeners.add(opener);
  }

  /** Shows a view in a tab of the main area (see {@link MainWindow#openTab}). */
  public Tab openTab(String key, String title, Supplier<Node> content) {
    return window().openTab(key, title, content);
  }

  public MainWindow window() {
    if (window == null) {
      throw new IllegalStateException("the main window is not built yet");
    }
    return window;
  }

  /** Called once by the shell's window as it is built. */
  public void attach(MainWindow window) {
    this.window = window;
  }

  /**
   * Calls {@code listener} on the FX thread for every change committed to the workspace (local or
   * remote). Close the handle to stop.
   */
  public AutoCloseable onChanges(Consumer<ChangeEvent> listener) {
    AutoCloseable handle =
        workspace.subscribe(
            event ->
                Platform.runLater(
                    () -> {
                      if (!closed) {
                        listener.accept(event);
                      }
                    }));
    subscriptions.add(handle);
    return handle;
  }

  /** Stops every change listener (the window is closing; called by the shell). */
  public void close() {
    closed = true;
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        throw new IllegalStateException("unsubscribing failed", e);
      }
    }
    subscriptions.clear();
  }
}
