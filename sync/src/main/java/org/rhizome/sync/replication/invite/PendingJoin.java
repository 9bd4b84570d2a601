package org.rhizome.sync.replication.invite;

import java.util.function.Consumer;
import org.rhizome.graph.LocalSettings;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.NotAllowedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes joining with an invite while syncing: after each pull, a replica opened with {@link
 * SharedWorkspaces#openForInvite} becomes a member as soon as the invite's registration has
 * arrived. Thread-safe: pulls end on two disk threads, and one join change is made, never two.
 */
public final class PendingJoin<W extends Replica & LocalSettings> {
  private static final Logger log = LoggerFactory.getLogger(PendingJoin.class);

  private final W workspace;
  private final Runnable joined;
  private final Consumer<String> failed;
  private volatile boolean closed;

  /**
   * {@code joined} and {@code failed} (with the reason) are called on the calling (disk) thread.
   */
  public PendingJoin(W workspace, Runnable joined, Consumer<String> failed) {
    this.workspace = workspace;
    this.joined = joined;
    this.failed = failed;
  }

  /** Joins now if a join is pending and can be completed. Blocking: call on a disk thread. */
  public synchronized void completeIfReady() {
    try {
      if (!closed
          && SharedWorkspaces.joinPending(workspace)
          && SharedWorkspaces.completeJoin(workspace)) {
        log.info("joined workspace {} as {}", workspace.id(), workspace.actor());
        joined.run();
      }
    } catch (NotAllowedException e) {
      log.warn("cannot join: {}", e.getMessage());
      failed.accept(e.getMessage());
    } catch (Exception e) {
      if (!closed) {
        log.warn("completing the join failed", e);
      }
    }
  }

  public void close() {
    closed = true;
  }
}
