package org.rhizome.sync.replication;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The OS lock on {@code run/NAME.lock} in the data directory, held while this window syncs workspace
 * NAME (by the window, {@code rhizome serve} or {@code rhizome join}: all take this lock), so one replica never runs
 * two peers (they would share one peer id). It goes away with the process.
 */
public final class ReplicaLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ReplicaLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another process (or window) holds it. */
  public static Optional<ReplicaLock> tryAcquire(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new ReplicaLock(channel, lock));
  }

  /** {@code DATA/run/NAME.lock} for the workspace file {@code DATA/workspaces/NAME.db}. */
  public static Path fileFor(Path dataDirectory, Path workspaceFile) {
    String name = workspaceFile.getFileName().toString().replaceFirst("\\.db$", "");
    return dataDirectory.resolve("run").resolve(name + ".lock");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
