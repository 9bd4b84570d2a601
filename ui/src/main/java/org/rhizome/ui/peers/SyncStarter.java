package org.rhizome.ui.peers;

import java.io.IOException;
import java.util.Optional;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/**
 * How the window starts a workspace's sync once the person has switched it on. {@code app} injects
 * its one sync launcher, so the window and {@code rhizome serve} follow one policy (docs/sync.md,
 * "When sync runs") and only {@code app} knows where the device key and the lock files live. Tests
 * inject loopback peers. Called on the {@code rhizome-ui-sync} thread: it may block.
 */
public interface SyncStarter {
  /**
   * Takes the lock that keeps a second process ({@code rhizome serve}) from syncing this replica
   * too (they would be two peers with one peer id); empty when another process holds it.
   */
  Optional<AutoCloseable> tryLock(Workspace workspace) throws IOException;

  /** Starts syncing {@code workspace} as this device, dialling its saved peers. */
  WorkspaceSync start(Workspace workspace, WorkspaceSecret secret)
      throws IOException, StoreException;
}
