package org.rhizome.app.cli.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.app.sync.SyncLauncher;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/**
 * The CLI's side of {@link SyncLauncher}: {@code serve} and {@code join} start sync through it,
 * with its policy.
 */
final class SyncStarter {
  /** The launcher's anti-entropy interval (the benches run their peers with it too). */
  static final Duration ANTI_ENTROPY = SyncLauncher.ANTI_ENTROPY;

  private SyncStarter() {}

  /** The workspace's secret; a workspace without one (the personal workspace) cannot sync. */
  static WorkspaceSecret secretOf(Workspace ws, String name)
      throws StoreException, InvalidInputException {
    Optional<WorkspaceSecret> secret = SharedWorkspaces.secret(ws);
    if (secret.isEmpty()) {
      throw new InvalidInputException(
          "Workspace \""
              + name
              + "\" is not shared, so it cannot sync: create a shared one with"
              + " `rhizome workspace create NAME`, or join one with `rhizome join INVITE`.");
    }
    return secret.get();
  }

  /**
   * Starts syncing: listening on {@code listen} (all IPv4 interfaces if empty), dialling the saved
   * peers and {@code extraPeers}, with mDNS on {@code mdnsInterface} if not null.
   */
  static WorkspaceSync start(
      DataDirectory data,
      Workspace ws,
      String name,
      List<Multiaddr> listen,
      List<Multiaddr> extraPeers,
      @Nullable InetAddress mdnsInterface,
      String agent)
      throws IOException, StoreException, InvalidInputException {
    return new SyncLauncher(data)
        .start(
            ws,
            secretOf(ws, name),
            new SyncLauncher.Network(listen, extraPeers, mdnsInterface, agent));
  }
}
