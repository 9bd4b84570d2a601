package org.rhizome.app.cli.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.rhizome.app.DataDirectory;
import org.rhizome.app.cli.SyncUnfinishedException;

/**
 * {@code run/NAME.lock}, held while a serve (or a join) runs sync on workspace NAME, so that two
 * processes never run two peers of one replica. An OS file lock: it goes away with the process.
 */
final class ServeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ServeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws SyncUnfinishedException if another process holds the lock */
  static ServeLock acquire(DataDirectory data, String workspaceName) throws IOException, SyncUnfinishedException {
    Path file = data.runDirectory().resolve(workspaceName + ".lock");
    Files.createDirectories(file.getParent());
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
      throw new SyncUnfinishedException("Workspace \"" + workspaceName + "\" is already being synced by another process"
          + " (see " + ServeStatusFile.file(data, workspaceName) + "); stop that `rhizome serve` first.");
    }
    return new ServeLock(channel, lock);
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
