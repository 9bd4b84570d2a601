package org.rhizome.graph.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * The one way Rhizome writes a small file whole (a device key, settings, a status file, a mirrored
 * note): the bytes go to a hidden temp file beside it ({@code .rhizome-*.tmp}, which importers and
 * watchers skip), are synced to disk, and only then does the temp file take the file's name, so a
 * reader or a crash sees the old bytes or the new ones, never half, and after a power cut never a
 * name pointing at bytes that did not reach the disk. The directory is synced after the rename so
 * the new name itself survives.
 *
 * <p>{@link Durability#FLUSHED} skips both syncs: only a bulk export uses it, where an fsync per
 * file made a 10,000-note export I/O-bound and running the export again is the remedy for a power
 * cut.
 */
public final class AtomicFile {
  /** Names of temp files start with this; importers and file watchers ignore such files. */
  public static final String TEMP_PREFIX = ".rhizome-";

  /** Whether a write waits for the disk. */
  public enum Durability {
    /** Synced before the rename, and the directory after it. */
    SYNCED,
    /** Handed to the OS only; for bulk output that can be regenerated. */
    FLUSHED
  }

  private AtomicFile() {}

  /** Replaces (or creates) {@code file} with {@code data}. */
  public static void replace(Path file, byte[] data, Durability durability) throws IOException {
    Path dir = parentOf(file);
    Path temp = writeTemp(dir, data, durability, null);
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir, durability);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Like {@link #replace} but leaves the file alone when it already holds exactly {@code data};
   * true if it wrote.
   */
  public static boolean replaceIfChanged(Path file, byte[] data, Durability durability)
      throws IOException {
    if (Files.isRegularFile(file)
        && Files.size(file) == data.length
        && Arrays.equals(Files.readAllBytes(file), data)) {
      return false;
    }
    replace(file, data, durability);
    return true;
  }

  /**
   * Creates {@code file} with {@code data} only if no file of that name exists, never replacing
   * one: of several processes racing to create it, exactly one wins and the others find its bytes.
   * The temp file gets {@code permissions} (where the file system has POSIX permissions) before any
   * byte is written, so a secret is never readable by others, not even for a moment.
   *
   * @return true if this call created the file, false if it was already there
   */
  public static boolean createIfAbsent(Path file, byte[] data, Set<PosixFilePermission> permissions)
      throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    Path dir = parentOf(file);
    Path temp = writeTemp(dir, data, Durability.SYNCED, permissions);
    try {
      try {
        Files.createLink(file, temp); // fails when the file exists: the first one stays
      } catch (FileAlreadyExistsException raced) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        try {
          Files.move(temp, file); // no hard links here: a move that never replaces
        } catch (FileAlreadyExistsException raced) {
          return false;
        }
      }
      syncDirectory(dir, Durability.SYNCED);
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path parentOf(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return dir;
  }

  private static Path writeTemp(
      Path dir, byte[] data, Durability durability, Set<PosixFilePermission> permissions)
      throws IOException {
    Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp");
    try {
      if (permissions != null) {
        try {
          Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the file lives in the user's own profile directory.
        }
      }
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        if (durability == Durability.SYNCED) {
          ch.force(true);
        }
      }
      return temp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Makes a rename durable on POSIX file systems; a no-op where directories cannot be opened
   * (Windows).
   */
  private static void syncDirectory(Path dir, Durability durability) {
    if (durability != Durability.SYNCED) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // The data itself is synced; only the name's durability is left to the file system.
    }
  }
}
