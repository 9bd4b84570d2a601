package org.rhizome.ui.peers;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.MainWindow;
import org.rhizome.ui.workbench.UiExtension;

/**
 * Puts sync into a main window: the status icon in the status bar, the command "Sync…" (palette and
 * File menu) that opens the sync panel in a tab, and the sync itself, started if the workspace's
 * {@code sync.enabled} says so. Windows opened for a created or joined workspace get it too.
 *
 * <p>{@code app} builds one and closes it after the last window has closed and before it closes the
 * workspace: {@link #close()} stops every sync it started (and closes the workspaces of the windows
 * it opened). {@link #install} runs on the FX thread; {@link #close()} on any other thread.
 */
public final class SyncExtension implements UiExtension, AutoCloseable {
  public static final String COMMAND = "sync.open";

  private final SyncStarter starter;
  private final WorkspaceWindows windows;
  private final List<SyncSession> sessions = new CopyOnWriteArrayList<>();

  /**
   * @param key this device's key, as which created and joined workspaces are opened
   * @param workspacesDirectory where created and joined workspaces go (app's {@code workspaces/})
   * @param starter how sync starts: app's one launcher
   */
  public SyncExtension(DeviceKey key, Path workspacesDirectory, SyncStarter starter) {
    this.starter = starter;
    this.windows = new WorkspaceWindows(key, workspacesDirectory, this);
  }

  @Override
  public void install(AppContext context, MainWindow window) {
    SyncSession session = new SyncSession(context.workspace(), starter);
    sessions.add(session);
    SyncViewModel model = new SyncViewModel(session);
    model.reportErrorsTo(context.errors());
    SyncPanelView panel = new SyncPanelView(model, windows);
    Runnable open =
        () -> {
          context.openTab("sync", "Sync", panel::inScrollPane);
          model.refresh();
        };
    context.commands().register(COMMAND, "Sync…", null, open);
    window.fileMenu().getItems().add(window.item(COMMAND));
    window.syncStatusSlot().getChildren().add(new SyncStatusIcon(model, open).node());
    model.start();
    // Stop this sync when the window is hidden. The window is usually on screen already when
    // extensions are installed (the frame shows first), but may not be yet: act on it either way.
    whenInWindow(
        window.root(),
        w -> {
          windows.register(context.workspace(), w);
          boolean mainWindow = !windows.opened(context.workspace());
          w.addEventHandler(
              WindowEvent.WINDOW_HIDDEN,
              e -> {
                windows.unregister(context.workspace());
                if (mainWindow) {
                  // the app ends with the main window: write the others' edits first
                  windows.closeWindows();
                }
                model.close();
                stopLater(session);
              });
        });
  }

  /** Runs {@code action} once with the window showing {@code node}: now, or when it gets one. */
  private static void whenInWindow(Node node, Consumer<Window> action) {
    Scene scene = node.getScene();
    if (scene != null && scene.getWindow() != null) {
      action.accept(scene.getWindow());
      return;
    }
    boolean[] done = {false};
    Consumer<Window> once =
        w -> {
          if (w != null && !done[0]) {
            done[0] = true;
            action.accept(w);
          }
        };
    ChangeListener<Window> onWindow = (o, old, w) -> once.accept(w);
    if (scene != null) {
      scene.windowProperty().addListener(onWindow);
      return;
    }
    node.sceneProperty()
        .addListener(
            (o, oldScene, newScene) -> {
              if (newScene != null) {
                once.accept(newScene.getWindow());
                newScene.windowProperty().addListener(onWindow);
              }
            });
  }

  private void stopLater(SyncSession session) {
    Thread t =
        new Thread(
            () -> {
              session.close();
              sessions.remove(session);
              windows.closed(session.workspace());
            },
            "rhizome-ui-sync-stop");
    t.setDaemon(false);
    t.start();
  }

  /**
   * Stops every sync this extension started and closes the workspaces it opened. Blocks a few
   * seconds at most.
   */
  @Override
  public void close() {
    if (Platform.isFxApplicationThread()) {
      throw new IllegalStateException(
          "close sync off the FX thread: it waits for the network to shut down");
    }
    for (SyncSession s : sessions) {
      s.close();
    }
    sessions.clear();
    windows.closeAll();
  }
}
