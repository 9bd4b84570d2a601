package org.rhizome.ui.repair;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.store.DamageMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the window's workspace, and when it is damaged — it fails to open as corrupt, or it opens
 * but carries the damage marker (writes refused) — offers check and repair in a {@link
 * RepairDialog} before the main window is built, instead of only an error on the terminal. Blocks
 * the calling thread (never the FX thread) until the person opens the workspace (repaired, or as it
 * is when it opens at all) or quits; quitting, or a toolkit that cannot start (no display), gives
 * the original failure, worded as the CLI words it (it names {@code rhizome check} and {@code
 * rhizome repair}).
 */
public final class WorkspaceRecovery {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceRecovery.class);

  private WorkspaceRecovery() {}

  /** Opens a workspace file (again, after a repair). */
  @FunctionalInterface
  public interface Opener {
    Workspace open() throws StoreException, IOException;
  }

  /**
   * The workspace {@code opener} opens from {@code file}; when it is damaged, what the person chose
   * in the repair dialog.
   *
   * @throws StoreException the original failure, when the person quits or no window can be shown
   */
  public static Workspace openOrRecover(Path file, Opener opener)
      throws StoreException, IOException {
    StoreException failure;
    boolean opens;
    String shown;
    try {
      Workspace ws = opener.open();
      Optional<String> marked = DamageMarker.read(file);
      if (marked.isEmpty()) {
        return ws;
      }
      ws.close(); // a repair needs the file to itself; "Open anyway" opens it again
      opens = true;
      shown = RepairTexts.marked(marked.get());
      failure =
          new CorruptDatabaseException(
              file
                  + " was found damaged ("
                  + marked.get()
                  + "), so nothing is written"
                  + " to it. Run `rhizome check` to see what is wrong and `rhizome repair` to rebuild it from what can be read"
                  + " (the damaged file is kept beside it).");
    } catch (CorruptDatabaseException e) {
      failure = e;
      opens = false;
      shown = RepairTexts.problem(e.getMessage());
    }
    log.warn(
        "the workspace {} is damaged; offering check and repair: {}", file, failure.getMessage());
    if (!startToolkit()) {
      throw failure;
    }
    CompletableFuture<Workspace> outcome = new CompletableFuture<>();
    String what = shown;
    boolean openable = opens;
    Platform.runLater(
        () -> {
          try {
            new RepairDialog(file, what, openable, opener, outcome).show();
          } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
          }
        });
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof RepairDialog.Quit)) {
        log.warn("the repair dialog failed", e.getCause());
      }
      throw failure;
    }
  }

  /** Starts JavaFX if it is not running; false when it cannot start (no display). */
  private static boolean startToolkit() {
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      try {
        Platform.startup(() -> started.complete(null));
      } catch (IllegalStateException alreadyRunning) {
        started.complete(null);
      }
      started.get(60, TimeUnit.SECONDS);
      Platform.setImplicitExit(false); // the main window comes after this dialog closes
      return true;
    } catch (RuntimeException | UnsatisfiedLinkError | ExecutionException | TimeoutException e) {
      log.info("JavaFX could not start for the repair dialog", e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
