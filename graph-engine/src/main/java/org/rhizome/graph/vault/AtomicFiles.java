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
 * it (hidden, {@code .rhizome-*.tmp}, so importers and watchers skip it), then moved over it. The
 * mirror also syncs each file before the move (one file at a time, the last word on a note); an
 * export does not (an fsync per file made a 10,000-note export I/O-bound): after a power cut an
 * export may need running again, but no file is ever torn by a crash of Rhizome.
 */
final class AtomicFiles {
  static final String TEMP_PREFIX = ".rhizome-";

  private AtomicFiles() {}

  /** Writes {@code data} to {@code file} unless it already holds exactly that; true if it wrote. */
  static boolean writeIfChanged(Path file, byte[] data, boolean sync) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) == data.length && Arrays.equals(Files.readAllBytes(file), data)) {
      return false;
    }
    write(file, data, sync);
    return true;
  }

  static void write(Path file, byte[] data, boolean sync) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        if (sync) {
          ch.force(true);
        }
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
