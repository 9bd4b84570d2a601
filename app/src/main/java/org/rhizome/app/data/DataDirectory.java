package org.rhizome.app.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.identity.KeyFiles;

/**
 * Where Rhizome keeps its data on this machine, and the layout inside:
 *
 * <pre>
 * DIR/device.key              this device's Ed25519 key (created on first use, mode 0600)
 * DIR/workspaces/personal.db  the default workspace (SQLite, WAL: -wal and -shm files beside it)
 * DIR/workspaces/NAME.db      other workspaces (shared ones from {@code rhizome workspace create} or {@code join})
 * DIR/run/NAME.json           the status of a running {@code rhizome serve} of workspace NAME
 * DIR/run/NAME.lock           held by whatever syncs workspace NAME (serve, join, the window), so a second refuses
 * DIR/logs/rhizome.log        the log (rolled at 10 MB, 3 old files kept)
 * </pre>
 *
 * DIR is, in order of precedence: the {@code --data} option, the {@code RHIZOME_DATA} environment
 * variable, or the OS default — {@code $XDG_DATA_HOME/rhizome} (else {@code
 * ~/.local/share/rhizome}) on Linux and other Unixes, {@code %APPDATA%\Rhizome} on Windows, and
 * {@code ~/Library/Application Support/Rhizome} on macOS. Immutable.
 */
public final class DataDirectory {
  public static final String ENV_VARIABLE = "RHIZOME_DATA";
  public static final String DEFAULT_WORKSPACE = "personal";

  /**
   * Workspace names are file names on every OS: letters, digits, '.', '_' and '-', not starting
   * with '.'.
   */
  private static final Pattern WORKSPACE_NAME =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  private final Path root;

  public DataDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Picks the data directory as described on the class.
   *
   * @param option the {@code --data} value, or null when not given
   * @param env the process environment
   * @param osName the {@code os.name} system property
   * @param userHome the user's home directory
   */
  public static DataDirectory resolve(
      @Nullable Path option, Map<String, String> env, String osName, Path userHome) {
    if (option != null) {
      return new DataDirectory(option);
    }
    String fromEnv = env.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new DataDirectory(Path.of(fromEnv));
    }
    return new DataDirectory(osDefault(env, osName, userHome));
  }

  static Path osDefault(Map<String, String> env, String osName, Path userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base =
          appData != null && !appData.isBlank()
              ? Path.of(appData)
              : userHome.resolve("AppData").resolve("Roaming");
      return base.resolve("Rhizome");
    }
    if (os.startsWith("mac")) {
      return userHome.resolve("Library").resolve("Application Support").resolve("Rhizome");
    }
    // XDG Base Directory spec: a relative $XDG_DATA_HOME is invalid and must be ignored.
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("rhizome");
    }
    return userHome.resolve(".local").resolve("share").resolve("rhizome");
  }

  public Path root() {
    return root;
  }

  public Path deviceKeyFile() {
    return root.resolve("device.key");
  }

  public Path workspacesDirectory() {
    return root.resolve("workspaces");
  }

  /** {@code workspaces/personal.db}: the workspace the CLI and the GUI open. */
  public Path defaultWorkspaceFile() {
    return workspacesDirectory().resolve(DEFAULT_WORKSPACE + ".db");
  }

  /** Whether {@code name} can name a workspace file (see {@link #workspaceFile}). */
  public static boolean isValidWorkspaceName(String name) {
    return WORKSPACE_NAME.matcher(name).matches();
  }

  /**
   * {@code workspaces/NAME.db}.
   *
   * @throws IllegalArgumentException unless {@link #isValidWorkspaceName} holds
   */
  public Path workspaceFile(String name) {
    if (!isValidWorkspaceName(name)) {
      throw new IllegalArgumentException(
          "\"" + name + "\" is not a workspace name: use 1-64 letters, digits, '.', '_' or '-'");
    }
    return workspacesDirectory().resolve(name + ".db");
  }

  /** {@code run/}: status and lock files of running {@code serve} processes. */
  public Path runDirectory() {
    return root.resolve("run");
  }

  /**
   * {@code run/NAME.lock}: held while a process (serve, join or the window) syncs workspace NAME,
   * so one replica never runs two peers.
   */
  public Path replicaLockFile(String workspaceName) {
    return runDirectory().resolve(workspaceName + ".lock");
  }

  /** The lock of a workspace file: {@code workspaces/NAME.db} → {@code run/NAME.lock}. */
  public Path replicaLockFileOf(Path workspaceFile) {
    return replicaLockFile(workspaceFile.getFileName().toString().replaceFirst("\\.db$", ""));
  }

  public Path logsDirectory() {
    return root.resolve("logs");
  }

  /**
   * Loads this device's key, creating {@code device.key} (and the directory) on first use.
   *
   * @throws IOException with a message naming the file, if it cannot be read, written or parsed
   */
  public DeviceKey loadOrCreateDeviceKey() throws IOException {
    Path file = deviceKeyFile();
    try {
      return KeyFiles.loadOrCreate(file, new SecureRandom());
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not a Rhizome device key file (it is not text)", e);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IOException(
          reason.contains(file.toString())
              ? reason
              : "cannot use the device key " + file + ": " + reason,
          e);
    }
  }

  /**
   * Opens (creating on first use) the default workspace as this device. Blocks on disk I/O.
   *
   * @throws IOException if the device key cannot be read or written
   * @throws StoreException if the database cannot be opened (corrupt, newer, not Rhizome's, disk
   *     full)
   */
  public Workspace openDefaultWorkspace() throws IOException, StoreException {
    DeviceKey key = loadOrCreateDeviceKey();
    return Workspace.open(defaultWorkspaceFile(), key);
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
