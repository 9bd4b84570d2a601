package org.rhizome.app.gui;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.app.sync.SyncLauncher;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.ui.peers.SyncExtension;
import org.rhizome.ui.repair.WorkspaceRecovery;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.UiServices;
import org.rhizome.ui.vault.VaultExtension;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop window on a data directory's default workspace and returns when the window
 * closes. The window comes first: the toolkit starts and the empty window is shown while the
 * workspace opens on another thread (its first frame needs nothing of the workspace); then the
 * window is built in it. A corrupt or newer database is still reported like any CLI error (the
 * empty window closes), or offered check and repair in a dialog; the workspace is closed after the
 * window has closed (pending edits are written first: closing the workspace waits for queued
 * writes).
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
    run(data, StartProbe.fromEnvironment(System.getenv()));
  }

  /**
   * What a start tells whoever times it ({@link StartProbe}, for {@code bench ui}): each step as it
   * happens, on the thread it happens on.
   */
  public interface StartWatcher {
    StartWatcher NONE = new StartWatcher() {};

    /** The window's outline is laid out (FX thread). */
    default void firstFrame(DesktopApp.FirstFrame first) {}

    /** The workspace is open ({@link System#nanoTime}). */
    default void workspaceOpened(long nanos) {}

    /** The window's parts are built in it (FX thread). */
    default void windowBuilt(DesktopSession session) {}
  }

  /**
   * Whether {@code args} open the window (no command, only a {@code --data} directory): then the
   * launcher starts the toolkit at once, before it parses the command line.
   */
  public static boolean opensWindow(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        i++;
      } else if (!args[i].startsWith("--data=")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Starts JavaFX and shows the window's outline on a thread of its own now, for the data directory
   * {@code args} name (as the command line will resolve it): {@link #run} then finds it on screen
   * (or on its way). Call only when {@link #opensWindow}.
   */
  public static void startEarly(String[] args) {
    try {
      showEarly(args);
    } catch (RuntimeException e) {
      // a data directory the command line will refuse (it says why): no early window
    }
  }

  private static void showEarly(String[] args) {
    java.nio.file.Path option = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        option = java.nio.file.Path.of(args[++i]);
      } else if (args[i].startsWith("--data=")) {
        option = java.nio.file.Path.of(args[i].substring("--data=".length()));
      }
    }
    String os = System.getProperty("os.name", "");
    DataDirectory data =
        DataDirectory.resolve(
            option,
            System.getenv(),
            os,
            java.nio.file.Path.of(System.getProperty("user.home", ".")));
    DesktopApp.showFirstEarly(data.root(), os, System.getenv());
  }

  /** As {@link #run(DataDirectory)}, telling {@code watcher} how the start goes. */
  public static void run(DataDirectory data, StartWatcher watcher)
      throws IOException, StoreException, GuiUnavailableException {
    installLastResortHandler();
    CompletableFuture<Workspace> opening = openInBackground(data);
    opening.thenRun(() -> watcher.workspaceOpened(System.nanoTime()));
    DesktopApp.FirstFrame first = showFirst(data, opening);
    watcher.firstFrame(first);
    closeSplash();
    // a damaged workspace is offered check and repair in a window first (issue 18)
    boolean[] tookOpened = {false};
    WorkspaceRecovery.Opener opener =
        () -> {
          if (!tookOpened[0]) {
            tookOpened[0] = true;
            return opened(opening);
          }
          return data.openDefaultWorkspace(); // again, after a repair
        };
    Workspace workspace;
    try {
      workspace = WorkspaceRecovery.openOrRecover(data.defaultWorkspaceFile(), opener);
    } catch (IOException | StoreException | RuntimeException e) {
      DesktopApp.stop();
      throw e;
    }
    try (workspace;
        SyncExtension sync = syncExtension(data);
        VaultExtension vault = new VaultExtension()) {
      try {
        DesktopApp.run(
            UiServices.of(workspace, data.root()).withExtensions(List.of(sync, vault)),
            first,
            watcher::windowBuilt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } catch (IOException | RuntimeException e) {
      DesktopApp.stop();
      throw e;
    }
  }

  /** The empty window, while {@code opening} goes on; closes what it opened if JavaFX fails. */
  private static DesktopApp.FirstFrame showFirst(
      DataDirectory data, CompletableFuture<Workspace> opening) throws GuiUnavailableException {
    try {
      return DesktopApp.showFirst(data.root(), System.getProperty("os.name", ""), System.getenv());
    } catch (InterruptedException | RuntimeException | UnsatisfiedLinkError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      closeOnceOpened(opening);
      LoggerFactory.getLogger(GuiLauncher.class).info("JavaFX could not start", e);
      throw new GuiUnavailableException(
          "Cannot open the window ("
              + e.getMessage()
              + "). Without a display, use a command: rhizome -h",
          e);
    }
  }

  /**
   * Opens the default workspace on its own thread, while the main thread starts the window (the
   * benchmark's probe starts the same way).
   */
  public static CompletableFuture<Workspace> openInBackground(DataDirectory data) {
    CompletableFuture<Workspace> opening = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                opening.complete(data.openDefaultWorkspace());
              } catch (IOException | StoreException | RuntimeException | Error e) {
                opening.completeExceptionally(e);
              }
            },
            "rhizome-open-workspace");
    thread.setDaemon(true);
    thread.start();
    return opening;
  }

  /**
   * Closes the launcher's splash image ({@code java -splash:FILE}, which {@code ./rhizome} gives
   * the window: the JVM shows it before any Java code runs) once the window's own first frame is on
   * screen. JavaFX windows do not close it as AWT's would. Only when the launcher says it asked for
   * one ({@code -Drhizome.splash=true}), so no other start touches AWT.
   */
  private static void closeSplash() {
    if (!Boolean.getBoolean("rhizome.splash")) {
      return;
    }
    try {
      java.awt.SplashScreen splash = java.awt.SplashScreen.getSplashScreen();
      if (splash != null) {
        splash.close();
      }
    } catch (RuntimeException | LinkageError e) {
      // no splash to close
    }
  }

  /**
   * Waits for the open to finish and closes the workspace, so the process does not exit in the
   * middle of opening (or creating) it.
   */
  private static void closeOnceOpened(CompletableFuture<Workspace> opening) {
    try {
      opening.get(60, java.util.concurrent.TimeUnit.SECONDS).close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
      // it did not open: nothing to close
    }
  }

  /** What {@link #openInBackground} opened, or its failure with its own type. */
  private static Workspace opened(CompletableFuture<Workspace> opening)
      throws IOException, StoreException {
    try {
      return opening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opening.thenAccept(Workspace::close);
      throw new IOException("interrupted while opening the workspace", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof StoreException store) {
        throw store;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
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
