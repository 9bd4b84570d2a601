package org.rhizome.ui.vault;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.vault.VaultMirror;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.MainWindow;
import org.rhizome.ui.workbench.UiExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File → Import vault… and Export vault… (each with a cancellable progress dialog), Mirror a
 * folder… / Stop mirroring (the workspace's opt-in mirror, also set by {@code rhizome mirror DIR}),
 * and that mirror running while the window is open. {@link #install} on the FX thread; {@link
 * #close()} from any thread (app calls it after the last window closed, before closing the
 * workspace).
 */
public final class VaultExtension implements UiExtension, AutoCloseable {
  public static final String IMPORT = "vault.import";
  public static final String EXPORT = "vault.export";
  public static final String MIRROR = "vault.mirror";
  public static final String MIRROR_OFF = "vault.mirror.off";
  private static final Logger log = LoggerFactory.getLogger(VaultExtension.class);

  private final List<VaultMirror> mirrors = new CopyOnWriteArrayList<>();

  @Override
  public void install(AppContext context, MainWindow window) {
    Workspace ws = context.workspace();
    context
        .commands()
        .register(
            IMPORT, "Import vault…", null, () -> chooseAndRun(VaultTask.Kind.IMPORT, ws, window));
    context
        .commands()
        .register(
            EXPORT, "Export vault…", null, () -> chooseAndRun(VaultTask.Kind.EXPORT, ws, window));
    context
        .commands()
        .register(MIRROR, "Mirror a folder…", null, () -> chooseMirror(context, window));
    context
        .commands()
        .register(
            MIRROR_OFF,
            "Stop mirroring the folder",
            null,
            () ->
                context
                    .background()
                    .execute(() -> switchMirror(ws, null), "Stopping the folder mirror"));
    window
        .fileMenu()
        .getItems()
        .addAll(
            0,
            List.of(
                window.item(IMPORT),
                window.item(EXPORT),
                window.item(MIRROR),
                window.item(MIRROR_OFF),
                new javafx.scene.control.SeparatorMenuItem()));
    context.background().execute(() -> startMirror(ws), "Starting the folder mirror");
  }

  private void chooseMirror(AppContext context, MainWindow window) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Keep this workspace in step with a folder of Markdown");
    Window owner = window.root().getScene() == null ? null : window.root().getScene().getWindow();
    java.io.File dir = chooser.showDialog(owner);
    if (dir != null) {
      context
          .background()
          .execute(
              () -> switchMirror(context.workspace(), dir.toPath()), "Starting the folder mirror");
    }
  }

  /**
   * Turns the workspace's mirror to {@code folder} (or off, for null): saves the setting, stops the
   * running mirror of this workspace, starts the new one. Background thread.
   */
  void switchMirror(Workspace ws, @Nullable Path folder) {
    for (VaultMirror m : mirrors) {
      if (m.workspace() == ws) {
        m.close();
        mirrors.remove(m);
      }
    }
    try {
      VaultMirror.configure(ws, folder);
    } catch (StoreException e) {
      throw new IllegalStateException(
          "the mirror setting could not be saved: " + e.getMessage(), e);
    }
    startMirror(ws);
  }

  private void chooseAndRun(VaultTask.Kind kind, Workspace ws, MainWindow window) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(
        kind == VaultTask.Kind.IMPORT ? "Import a folder of Markdown" : "Export to a folder");
    Window owner = window.root().getScene() == null ? null : window.root().getScene().getWindow();
    java.io.File dir = chooser.showDialog(owner);
    if (dir != null) {
      open(kind, ws, dir.toPath(), owner);
    }
  }

  /** Shows the progress dialog and starts the import or export of {@code folder}. FX thread. */
  static VaultProgressDialog open(
      VaultTask.Kind kind, Workspace ws, Path folder, @Nullable Window owner) {
    VaultProgressDialog dialog = new VaultProgressDialog(new VaultTask(kind, ws, folder), owner);
    dialog.start();
    return dialog;
  }

  private void startMirror(Workspace ws) {
    try {
      VaultMirror.configured(ws)
          .ifPresent(
              m -> {
                try {
                  m.start();
                  mirrors.add(m);
                } catch (IOException | StoreException e) {
                  log.error("the folder mirror {} could not start", m.folder(), e);
                }
              });
    } catch (StoreException e) {
      log.error("the mirror setting could not be read", e);
    }
  }

  /** Stops the mirrors this extension started. */
  @Override
  public void close() {
    for (VaultMirror m : mirrors) {
      m.close();
    }
    mirrors.clear();
  }
}
