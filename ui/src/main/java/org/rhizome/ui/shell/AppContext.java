package org.rhizome.ui.shell;

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
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.Workspace;
import org.rhizome.ui.settings.Settings;

/**
 * What every part of the window shares: the open workspace, the background executor, the command
 * registry, the error reporter, the settings, and the {@link Workbench} (open a note, open a view
 * in a tab). Built once per window by {@link DesktopApp}; handed to each component's constructor.
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
  private @Nullable Workbench workbench;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private boolean closed;

  public AppContext(Workspace workspace, BackgroundExecutor background, ErrorReporter errors, CommandRegistry commands,
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

  /** Opens a note in an editor tab (see {@link Workbench#openNote}). */
  public void openNote(Soul soul) {
    workbench().openNote(soul);
  }

  /** Shows a view in a tab of the main area (see {@link Workbench#openTab}). */
  public Tab openTab(String key, String title, Supplier<Node> content) {
    return workbench().openTab(key, title, content);
  }

  public Workbench workbench() {
    if (workbench == null) {
      throw new IllegalStateException("the main window is not built yet");
    }
    return workbench;
  }

  void attach(Workbench workbench) {
    this.workbench = workbench;
  }

  /**
   * Calls {@code listener} on the FX thread for every change committed to the workspace (local or
   * remote). Close the handle to stop.
   */
  public AutoCloseable onChanges(Consumer<ChangeEvent> listener) {
    AutoCloseable handle = workspace.subscribe(event -> Platform.runLater(() -> {
      if (!closed) {
        listener.accept(event);
      }
    }));
    subscriptions.add(handle);
    return handle;
  }

  /** Stops every change listener (the window is closing). */
  void close() {
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
