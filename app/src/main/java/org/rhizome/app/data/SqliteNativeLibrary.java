package org.rhizome.app.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Keeps SQLite JDBC's native library extracted once, in the user's cache directory, instead of at
 * every start. Left alone, sqlite-jdbc copies its 1.1 MB library out of the jar into the temp
 * directory in every process, compares the copy with the jar's byte by byte, scans the whole temp
 * directory for stale copies, and, to choose the library, resolves every entry of {@code
 * /proc/self/map_files} (its musl check): about a quarter of a short command's Java time, and a
 * copy left in {@code /tmp} by every process that is killed.
 *
 * <p>{@link #useCachedCopy} points sqlite-jdbc ({@code org.sqlite.lib.path}, {@code .lib.name},
 * {@code org.sqlite.tmpdir}) at {@code CACHE/native/sqlite-OS-ARCH-JVM/}: a copy made on the first
 * start (written beside, then renamed into place) and a {@code source} file naming the jar entry it
 * came from (the jar's path, size and time, the entry, its size), which later starts compare with
 * the jar file's attributes without opening it. A copy that does not match is made again; a copy
 * that does not load makes sqlite-jdbc fall back to its own extraction. Where the installers
 * already give a library path, or the library is not in a jar, or the cache cannot be written,
 * nothing changes.
 */
public final class SqliteNativeLibrary {
  static final String LIB_PATH = "org.sqlite.lib.path";
  static final String LIB_NAME = "org.sqlite.lib.name";
  static final String TMP_DIR = "org.sqlite.tmpdir";
  private static final String SOURCE_FILE = "source";

  private SqliteNativeLibrary() {}

  /**
   * Points sqlite-jdbc at the cached copy (making it if needed), before anything opens a database.
   * Never throws: on any failure sqlite-jdbc extracts its library as it always did.
   */
  public static void useCachedCopy(Map<String, String> env, String osName, Path userHome) {
    try {
      if (System.getProperty(LIB_PATH) != null) {
        // An installer's launcher names its own copy; only keep sqlite-jdbc's scan for stale
        // copies out of a busy temp directory.
        if (System.getProperty(TMP_DIR) == null) {
          Path dir = cacheDirectory(env, osName, userHome).resolve("native");
          Files.createDirectories(dir);
          System.setProperty(TMP_DIR, dir.toString());
        }
        return;
      }
      Path jar =
          Path.of(
              SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = cacheDirectory(env, osName, userHome).resolve("native").resolve(directoryName());
      String name = System.mapLibraryName("sqlitejdbc");
      Path library = prepare(dir, name, jar, SqliteNativeLibrary::locateInJar);
      if (library != null) {
        System.setProperty(LIB_PATH, dir.toString());
        System.setProperty(LIB_NAME, name);
        if (System.getProperty(TMP_DIR) == null) {
          System.setProperty(TMP_DIR, dir.toString()); // its scan for stale copies looks only here
        }
      }
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      // sqlite-jdbc extracts its library itself, as before
    }
  }

  /** Where the library sits in the jar, as sqlite-jdbc would find it (the first start only). */
  interface Locator {
    @Nullable URL locate(String libraryName) throws IOException;
  }

  /**
   * The library in {@code dir}, made (or made again) from the entry {@code locator} finds in {@code
   * jar} when missing or when {@code jar} is not the file (path, size, time) it was made from; null
   * when the library is not in a jar. A hit costs two small reads and a few stats: the jar itself
   * is not opened.
   */
  static @Nullable Path prepare(Path dir, String libraryName, Path jar, Locator locator)
      throws IOException {
    Path library = dir.resolve(libraryName);
    Path sourceFile = dir.resolve(SOURCE_FILE);
    if (!Files.isRegularFile(jar)) {
      return null; // classes from a directory: let sqlite-jdbc do as it does
    }
    String jarIdentity =
        jar.toAbsolutePath()
            + "\n"
            + Files.size(jar)
            + "\n"
            + Files.getLastModifiedTime(jar).toMillis()
            + "\n";
    if (Files.isRegularFile(library) && Files.isRegularFile(sourceFile)) {
      String source = Files.readString(sourceFile, StandardCharsets.UTF_8);
      int sizeAt = source.lastIndexOf('\n', source.length() - 2) + 1;
      if (source.startsWith(jarIdentity)
          && source.substring(sizeAt).strip().equals(Long.toString(Files.size(library)))) {
        return library;
      }
    }
    URL url = locator.locate(libraryName);
    JarEntry entry = url == null ? null : jarEntry(url);
    if (url == null || entry == null) {
      return null;
    }
    createPrivateDirectories(dir);
    Path partial = Files.createTempFile(dir, libraryName, ".part");
    try {
      try (InputStream in = url.openStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(partial) != entry.getSize()) {
        return null;
      }
      moveIntoPlace(partial, library);
    } finally {
      Files.deleteIfExists(partial);
    }
    Path sourcePartial = Files.createTempFile(dir, SOURCE_FILE, ".part");
    try {
      Files.writeString(
          sourcePartial, jarIdentity + url + "\n" + entry.getSize() + "\n", StandardCharsets.UTF_8);
      moveIntoPlace(sourcePartial, sourceFile);
    } finally {
      Files.deleteIfExists(sourcePartial);
    }
    return library;
  }

  /** The jar entry behind a {@code jar:} URL, or null. */
  private static @Nullable JarEntry jarEntry(URL url) throws IOException {
    if (!"jar".equals(url.getProtocol())) {
      return null;
    }
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      return null;
    }
    try {
      JarEntry entry = jarConnection.getJarEntry();
      return entry != null && entry.getSize() > 0 ? entry : null;
    } catch (java.io.FileNotFoundException gone) {
      return null;
    }
  }

  /** sqlite-jdbc's own choice of library for this machine; only reached on a first start. */
  private static @Nullable URL locateInJar(String libraryName) {
    String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
    return SqliteNativeLibrary.class.getResource(
        "/org/sqlite/native/" + folder + "/" + libraryName);
  }

  private static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Windows: the library may be loaded by another process; its copy is the same bytes
      if (!Files.isRegularFile(to) || Files.size(to) != Files.size(from)) {
        throw e;
      }
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.getParent());
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      // another process made it first
    }
  }

  /**
   * One directory per OS, architecture and Java runtime, so a home directory shared between
   * machines (or a musl and a glibc runtime) never loads another's library.
   */
  static String directoryName() {
    String runtime = System.getProperty("java.home", "") + System.getProperty("java.vm.version");
    return ("sqlite-"
            + System.getProperty("os.name", "os")
            + "-"
            + System.getProperty("os.arch", "arch")
            + "-"
            + Integer.toHexString(runtime.hashCode()))
        .replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * The user's cache directory for Rhizome: {@code $XDG_CACHE_HOME/rhizome} (else {@code
   * ~/.cache/rhizome}), {@code %LOCALAPPDATA%\Rhizome\cache}, {@code ~/Library/Caches/Rhizome}.
   */
  static Path cacheDirectory(Map<String, String> env, String osName, Path userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base =
          local != null && !local.isBlank()
              ? Path.of(local)
              : userHome.resolve("AppData").resolve("Local");
      return base.resolve("Rhizome").resolve("cache");
    }
    if (os.startsWith("mac")) {
      return userHome.resolve("Library").resolve("Caches").resolve("Rhizome");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("rhizome");
    }
    return userHome.resolve(".cache").resolve("rhizome");
  }
}
