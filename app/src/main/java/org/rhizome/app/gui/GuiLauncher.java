package org.rhizome.app.gui;

import java.io.IOException;
import java.util.List;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.app.sync.SyncLauncher;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.ui.peers.SyncExtension;
import org.rhizome.ui.repair.WorkspaceRecovery;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.UiServices;
import org.rhizome.ui.vault.VaultExtension;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop window on a data directory's default workspace and returns when the window
 * closes. The workspace is opened here, before JavaFX starts, so a corrupt or newer database is
 * reported like any CLI error; it is closed after the window has closed (pending edits are written
 * first: closing the workspace waits for queued writes).
 */
public final class GuiLauncher {
  private GuiLauncher() {}

  /**
   * Blocks the calling thread (not the FX thread) until the window closes.
   *
   * @throws GuiUnavailableException if JavaFX cannot start (for example, no display)
   */
  public static void run(DataDirectory data)
      throws IOException, StoreException, GuiUnavailableException {
    // a damaged workspace is offered check and repair in a window first (issue 18)
    try (Workspace workspace =
            WorkspaceRecovery.openOrRecover(
                data.defaultWorkspaceFile(), data::openDefaultWorkspace);
        SyncExtension sync = syncExtension(data);
        VaultExtension vault = new VaultExtension()) {
      installLastResortHandler();
      try {
        DesktopApp.run(UiServices.of(workspace, data.root()).withExtensions(List.of(sync, vault)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        LoggerFactory.getLogger(GuiLauncher.class).info("JavaFX could not start", e);
        throw new GuiUnavailableException(
            "Cannot open the window ("
                + e.getMessage()
                + "). Without a display, use a command: rhizome -h",
            e);
      }
    }
  }

  /**
   * Sync in the window: off until the person switches it on for a shared workspace; then it starts
   * by the one {@link SyncLauncher} policy (mDNS on the first LAN interface). Closed (stopping
   * every sync) before the workspace is.
   */
  public static SyncExtension syncExtension(DataDirectory data) throws IOException {
    return new SyncExtension(
        data.loadOrCreateDeviceKey(),
        data.workspacesDirectory(),
        new SyncLauncher(data).forWindow());
  }

  /**
   * A failure nobody caught is logged (one line on stderr, the trace in the file) rather than lost.
   */
  static void installLastResortHandler() {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) ->
            LoggerFactory.getLogger(GuiLauncher.class)
                .error("uncaught in thread {}: {}", thread.getName(), e.toString(), e));
  }
}
