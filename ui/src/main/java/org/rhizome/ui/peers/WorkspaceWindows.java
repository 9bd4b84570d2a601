package org.rhizome.ui.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.ui.settings.SettingsStore;
import org.rhizome.ui.settings.SystemTheme;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.UiServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a shared workspace, or the replica an invite joins, as {@code <name>.db} in the
 * workspaces directory app names (never over an existing file), or opens another workspace file of
 * this device, in a window of its own with sync (a workspace that has a window gets that window
 * brought to the front). That window keeps its settings beside the file ({@code
 * workspaces/<name>.ui/ui.properties}), so it does not overwrite the main window's, and never gets
 * the welcome notes (they would be shared).
 *
 * <p>Thread-safe: the file work runs on a {@code rhizome-ui-workspace} thread, the window is built
 * on the FX thread.
 */
final class WorkspaceWindows implements SharedWorkspaceActions {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceWindows.class);
  private static final int MAX_SLUG = 40;

  private final DeviceKey key;
  private final Path workspacesDirectory;
  private final SyncExtension extension;
  private final List<Workspace> opened = new CopyOnWriteArrayList<>();
  private final List<DesktopSession> sessions = new CopyOnWriteArrayList<>();

  /** Every workspace file with a window in this process (FX thread), so none is opened twice. */
  private final Map<Path, Window> windows = new HashMap<>();

  /**
   * The ids of the workspaces with a window, so finding a replica need not open their files again.
   */
  private final Map<Path, WorkspaceId> ids = new ConcurrentHashMap<>();

  WorkspaceWindows(DeviceKey key, Path workspacesDirectory, SyncExtension extension) {
    this.key = key;
    this.workspacesDirectory = workspacesDirectory;
    this.extension = extension;
  }

  @Override
  public CompletableFuture<?> createShared(String workspaceName, String memberName) {
    return createInWindow(
        workspaceName, file -> SharedWorkspaces.found(file, key, workspaceName, memberName));
  }

  /**
   * Refuses an invite to a workspace this device already has a replica of: a second replica would
   * write as the same device key in two files, and their changes would fork.
   */
  @Override
  public CompletableFuture<?> join(Invite invite, String memberName) {
    String name = invite.workspaceName().isBlank() ? "shared" : invite.workspaceName();
    return createInWindow(
        name,
        file -> {
          Optional<Path> existing = replicaOf(invite.workspace(), file.getParent());
          if (existing.isPresent()) {
            String have = existing.get().getFileName().toString().replaceFirst("\\.db$", "");
            throw new IOException(
                "this device already has this workspace, as “"
                    + have
                    + "”: open it from the list of workspaces");
          }
          return SharedWorkspaces.openForInvite(file, key, invite, memberName);
        });
  }

  /**
   * The workspace file in {@code dir} that holds workspace {@code id}, if any (opens each file
   * briefly).
   */
  private Optional<Path> replicaOf(WorkspaceId id, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().endsWith(".db")).sorted().toList()) {
        WorkspaceId known = ids.get(f.toAbsolutePath().normalize());
        if (known == null) {
          try (Workspace ws = Workspace.open(f, key)) {
            known = ws.id();
          } catch (StoreException e) {
            log.info("skipping {} while looking for a replica of {}: {}", f, id, e.getMessage());
            continue;
          }
        }
        if (known.equals(id)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  private CompletableFuture<?> createInWindow(String name, FileCreator creator) {
    return openInWindow(name, () -> creator.create(freeFile(workspacesDirectory, slug(name))));
  }

  @Override
  public CompletableFuture<List<Path>> otherWorkspaces(Path current) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path dir = workspacesDirectory;
          if (!Files.isDirectory(dir)) {
            return List.<Path>of();
          }
          try (Stream<Path> files = Files.list(dir)) {
            return files
                .filter(f -> f.getFileName().toString().endsWith(".db") && Files.isRegularFile(f))
                .filter(f -> !sameFile(f, current))
                .sorted()
                .toList();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
          }
        });
  }

  @Override
  public CompletableFuture<?> open(Path workspaceFile) {
    CompletableFuture<Boolean> focused = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Window w = windowOf(workspaceFile);
          if (w instanceof Stage stage) {
            stage.toFront();
          }
          focused.complete(w != null);
        });
    String name = workspaceFile.getFileName().toString().replaceFirst("\\.db$", "");
    return focused.thenCompose(
        done ->
            done
                ? CompletableFuture.completedFuture(null)
                : openInWindow(name, () -> Workspace.open(workspaceFile, key)));
  }

  /** Called by the extension for every window it is installed in (FX thread). */
  void register(Workspace ws, Window window) {
    windows.put(ws.file().toAbsolutePath().normalize(), window);
    ids.put(ws.file().toAbsolutePath().normalize(), ws.id());
  }

  void unregister(Workspace ws) {
    windows.remove(ws.file().toAbsolutePath().normalize());
    ids.remove(ws.file().toAbsolutePath().normalize());
  }

  private @Nullable Window windowOf(Path file) {
    return windows.get(file.toAbsolutePath().normalize());
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private interface WorkspaceOpener {
    Workspace open() throws StoreException, IOException;
  }

  private interface FileCreator {
    Workspace create(Path file) throws StoreException, IOException;
  }

  private CompletableFuture<?> openInWindow(String name, WorkspaceOpener opener) {
    CompletableFuture<UiServices> created = new CompletableFuture<>();
    CompletableFuture<Properties> settingsRead = new CompletableFuture<>();
    CompletableFuture<Boolean> systemDark = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                Workspace ws = opener.open();
                opened.add(ws);
                UiServices services =
                    UiServices.of(ws, settingsDirectory(ws.file()))
                        .withExtensions(List.of(extension));
                Properties settings = new SettingsStore(services.settingsFile()).read();
                settings.setProperty("welcomeLoaded", "true");
                settingsRead.complete(settings);
                systemDark.complete(SystemTheme.isDark(services.osName(), services.environment()));
                created.complete(services);
              } catch (Exception e) {
                log.warn("could not open the workspace {}", name, e);
                created.completeExceptionally(e);
              }
            },
            "rhizome-ui-workspace");
    worker.setDaemon(true);
    worker.start();
    return created.thenCompose(
        services -> {
          CompletableFuture<Void> shown = new CompletableFuture<>();
          Workspace ws = services.workspace();
          Properties settings = settingsRead.join();
          Platform.runLater(
              () -> {
                try {
                  DesktopSession session =
                      new DesktopSession(services, new Stage(), settings, systemDark.join());
                  session.stage().setTitle("Rhizome — " + name);
                  sessions.add(session);
                  session.closed().thenRun(() -> sessions.remove(session));
                  shown.complete(null);
                } catch (RuntimeException e) {
                  log.error("could not open a window on {}", ws.file(), e);
                  shown.completeExceptionally(e);
                }
              });
          return shown;
        });
  }

  /** Whether {@code ws} is the workspace of a window this opened (not the main window's). */
  boolean opened(Workspace ws) {
    return opened.contains(ws);
  }

  /**
   * Closes the windows this opened, writing their pending edits (FX thread). Called when the main
   * window closes: the app ends with it.
   */
  void closeWindows() {
    for (DesktopSession s : sessions) {
      s.close();
    }
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

  /**
   * A file name from a workspace name: lower-case letters, digits and dashes ("Team notes" →
   * "team-notes").
   */
  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String s =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX_SLUG) {
      s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "shared" : s;
  }

  /**
   * {@code dir/slug.db}, or {@code slug-2.db}, {@code slug-3.db}… when taken: an existing workspace
   * is never touched.
   */
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
