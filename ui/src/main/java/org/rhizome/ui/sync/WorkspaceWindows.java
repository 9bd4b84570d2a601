package org.rhizome.ui.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.store.StoreException;
import org.rhizome.sync.replication.Invite;
import org.rhizome.sync.replication.SharedWorkspaces;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.UiServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a shared workspace, or the replica an invite joins, as {@code workspaces/<name>.db} in the
 * data directory (never over an existing file), and opens it in a window of its own with sync. That
 * window keeps its settings beside the file ({@code workspaces/<name>.ui/ui.properties}), so it does
 * not overwrite the main window's, and never gets the welcome notes (they would be shared).
 *
 * <p>Thread-safe: the file work runs on a {@code rhizome-ui-workspace} thread, the window is built
 * on the FX thread.
 */
final class WorkspaceWindows implements SharedWorkspaceActions {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceWindows.class);
  private static final int MAX_SLUG = 40;

  private final DeviceKey key;
  private final Path dataDirectory;
  private final SyncExtension extension;
  private final List<Workspace> opened = new CopyOnWriteArrayList<>();

  WorkspaceWindows(DeviceKey key, Path dataDirectory, SyncExtension extension) {
    this.key = key;
    this.dataDirectory = dataDirectory;
    this.extension = extension;
  }

  @Override
  public CompletableFuture<?> createShared(String workspaceName, String memberName) {
    return openInWindow(workspaceName, file -> SharedWorkspaces.found(file, key, workspaceName, memberName));
  }

  @Override
  public CompletableFuture<?> join(Invite invite, String memberName) {
    String name = invite.workspaceName().isBlank() ? "shared" : invite.workspaceName();
    return openInWindow(name, file -> SharedWorkspaces.openForInvite(file, key, invite, memberName));
  }

  private interface Opener {
    Workspace open(Path file) throws StoreException;
  }

  private CompletableFuture<?> openInWindow(String name, Opener opener) {
    CompletableFuture<Workspace> created = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        Path file = freeFile(dataDirectory.resolve("workspaces"), slug(name));
        Workspace ws = opener.open(file);
        opened.add(ws);
        created.complete(ws);
      } catch (Exception e) {
        log.warn("could not create the workspace {}", name, e);
        created.completeExceptionally(e);
      }
    }, "rhizome-ui-workspace");
    worker.setDaemon(true);
    worker.start();
    return created.thenCompose(ws -> {
      CompletableFuture<Void> shown = new CompletableFuture<>();
      UiServices services = UiServices.of(ws, settingsDirectory(ws.file())).withExtensions(List.of(extension));
      Properties settings = new Properties();
      settings.setProperty("welcomeLoaded", "true");
      Platform.runLater(() -> {
        try {
          DesktopSession session = new DesktopSession(services, new Stage(), settings, false);
          session.stage().setTitle("Rhizome — " + name);
          shown.complete(null);
        } catch (RuntimeException e) {
          log.error("could not open a window on {}", ws.file(), e);
          shown.completeExceptionally(e);
        }
      });
      return shown;
    });
  }

  /** Closes the workspace of a window this opened, once its sync has stopped. */
  void closed(Workspace ws) {
    if (opened.remove(ws)) {
      ws.close();
    }
  }

  void closeAll() {
    for (Workspace ws : opened) {
      ws.close();
    }
    opened.clear();
  }

  static Path settingsDirectory(Path workspaceFile) {
    String file = workspaceFile.getFileName().toString();
    return workspaceFile.resolveSibling(file.replaceFirst("\\.db$", "") + ".ui");
  }

  /** A file name from a workspace name: lower-case letters, digits and dashes ("Team notes" → "team-notes"). */
  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX_SLUG) {
      s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "shared" : s;
  }

  /** {@code dir/slug.db}, or {@code slug-2.db}, {@code slug-3.db}… when taken: an existing workspace is never touched. */
  static Path freeFile(Path dir, String slug) throws IOException {
    Files.createDirectories(dir);
    for (int i = 1; i < 1000; i++) {
      Path candidate = dir.resolve((i == 1 ? slug : slug + "-" + i) + ".db");
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IOException("too many workspaces named " + slug + " in " + dir);
  }
}
