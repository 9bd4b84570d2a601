package org.rhizome.app.cli.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.DataDirectory;
import org.rhizome.app.cli.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.SharedWorkspaces;
import org.rhizome.sync.replication.SyncConfig;
import org.rhizome.sync.replication.WorkspaceSecret;
import org.rhizome.sync.replication.WorkspaceSync;

/** Starts a {@link WorkspaceSync} for a workspace of the data directory, as {@code serve} and {@code join} do. */
final class SyncStarter {
  static final Multiaddr ANY_IP4 = Multiaddr.parse("/ip4/0.0.0.0/tcp/0");
  /**
   * How often a CLI peer pulls from every connected peer. Changes a peer receives by a pull are not
   * gossiped on, so a third peer gets them by its own pull: this bounds how long that takes (a pull
   * with nothing new is one version-vector exchange).
   */
  static final Duration ANTI_ENTROPY = Duration.ofSeconds(5);

  private SyncStarter() {}

  /** The workspace's secret; a workspace without one (the personal workspace) cannot sync. */
  static WorkspaceSecret secretOf(Workspace ws, String name) throws StoreException, InvalidInputException {
    Optional<WorkspaceSecret> secret = SharedWorkspaces.secret(ws);
    if (secret.isEmpty()) {
      throw new InvalidInputException("Workspace \"" + name + "\" is not shared, so it cannot sync: create a shared one with"
          + " `rhizome workspace create NAME`, or join one with `rhizome join INVITE`.");
    }
    return secret.get();
  }

  /**
   * Starts syncing: listening on {@code listen} (all IPv4 interfaces if empty), dialling the saved
   * peers and {@code extraPeers}, with mDNS on {@code mdnsInterface} if not null.
   */
  static WorkspaceSync start(DataDirectory data, Workspace ws, String name, List<Multiaddr> listen, List<Multiaddr> extraPeers,
      @Nullable InetAddress mdnsInterface, String agent) throws IOException, StoreException, InvalidInputException {
    WorkspaceSecret secret = secretOf(ws, name);
    LinkedHashSet<Multiaddr> peers = new LinkedHashSet<>(SharedWorkspaces.peers(ws));
    peers.addAll(extraPeers);
    SyncConfig config = SyncConfig.defaults(secret)
        .withListen(listen.isEmpty() ? List.of(ANY_IP4) : listen)
        .withPeers(new ArrayList<>(peers))
        .withAntiEntropy(ANTI_ENTROPY)
        .withAgentVersion(agent);
    if (mdnsInterface != null) {
      config = config.withMdns(mdnsInterface, config.mdnsInterval());
    }
    return WorkspaceSync.start(ws, data.loadOrCreateDeviceKey(), config);
  }
}
