package org.rhizome.graph.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a file so that readers see the old bytes or the new ones, never half: a temp file beside
 * it (hidden, {@code .rhizome-*.tmp}, so importers and watchers skip it), synced, then moved over it.
 */
final class AtomicFiles {
  static final String TEMP_PREFIX = ".rhizome-";

  private AtomicFiles() {}

  /** Writes {@code data} to {@code file} unless it already holds exactly that; true if it wrote. */
  static boolean writeIfChanged(Path file, byte[] data) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) == data.length && Arrays.equals(Files.readAllBytes(file), data)) {
      return false;
    }
    write(file, data);
    return true;
  }

  static void write(Path file, byte[] data) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
