package org.rhizome.app.cli.sync;

import java.io.IOException;
import org.rhizome.app.cli.common.SyncUnfinishedException;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.sync.replication.ReplicaLock;

/**
 * {@code run/NAME.lock}, held while a serve (or a join) runs sync on workspace NAME, so that two
 * processes never run two peers of one replica ({@link ReplicaLock}, which the window takes too).
 */
final class ServeLock {
  private ServeLock() {}

  /**
   * @throws SyncUnfinishedException if another process holds the lock
   */
  static ReplicaLock acquire(DataDirectory data, String workspaceName)
      throws IOException, SyncUnfinishedException {
    return ReplicaLock.tryAcquire(data.replicaLockFile(workspaceName))
        .orElseThrow(
            () ->
                new SyncUnfinishedException(
                    "Workspace \""
                        + workspaceName
                        + "\" is already being synced by another process (see "
                        + ServeStatusFile.file(data, workspaceName)
                        + "); stop that `rhizome serve` first."));
  }
}
