package org.rhizome.app.sync;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.ReplicaLock;
import org.rhizome.sync.replication.SyncConfig;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.sync.replication.invite.WorkspaceSecret;
import org.rhizome.ui.peers.SyncStarter;

/**
 * The one way Rhizome starts syncing a workspace: {@code rhizome serve}, {@code rhizome join} and
 * the window all start sync here, with one policy (docs/sync.md, "When sync runs"):
 *
 * <ul>
 *   <li>every peer pulls from every connected peer each {@link #ANTI_ENTROPY} (repairing what
 *       gossip lost);
 *   <li>it dials the workspace's saved peers, plus any the command line names, and redials them
 *       while they are away;
 *   <li>mDNS runs only when asked, on one explicit interface: {@code serve --mdns --mdns-interface
 *       ADDR}, or in the window, once the person has switched a shared workspace's sync on, on the
 *       first LAN IPv4 interface ({@link Network#window()});
 *   <li>one replica runs one peer: whoever syncs holds the data directory's {@code run/NAME.lock}.
 * </ul>
 *
 * Only {@code app} knows the data directory's layout; sync and the window get paths and keys from
 * here.
 */
public final class SyncLauncher {
  /**
   * How often a peer pulls from every connected peer. A pull with nothing new is one version-vector
   * exchange; this bounds how long a change that live gossip lost (or that a pull brought and was
   * not relayed) takes to reach every peer.
   */
  public static final Duration ANTI_ENTROPY = Duration.ofSeconds(5);

  /** How often mDNS asks the local network for peers, when it runs. */
  public static final Duration MDNS_INTERVAL = Duration.ofSeconds(10);

  /** Every IPv4 interface, a port the OS picks. */
  public static final Multiaddr ANY_IP4 = Multiaddr.parse("/ip4/0.0.0.0/tcp/0");

  /**
   * Where a peer listens and what it dials, beyond the workspace's saved peers: the part that
   * differs between callers.
   *
   * @param listen where to accept connections; empty for {@link #ANY_IP4}
   * @param extraPeers peers to dial besides the saved ones ({@code serve --peer})
   * @param mdnsInterface the interface to run mDNS on, or null for none
   * @param agent the libp2p agent version this peer announces
   */
  public record Network(
      List<Multiaddr> listen,
      List<Multiaddr> extraPeers,
      @Nullable InetAddress mdnsInterface,
      String agent) {
    public Network {
      listen = List.copyOf(listen);
      extraPeers = List.copyOf(extraPeers);
    }

    /**
     * The window's: every interface, the saved peers, mDNS on the first LAN IPv4 interface (none if
     * there is none).
     */
    public static Network window() {
      return new Network(List.of(), List.of(), firstLanAddress().orElse(null), "rhizome");
    }
  }

  private final DataDirectory data;

  public SyncLauncher(DataDirectory data) {
    this.data = data;
  }

  /** The policy applied to one workspace's secret and saved peers. */
  public static SyncConfig config(
      WorkspaceSecret secret, List<Multiaddr> savedPeers, Network network) {
    LinkedHashSet<Multiaddr> peers = new LinkedHashSet<>(savedPeers);
    peers.addAll(network.extraPeers());
    SyncConfig config =
        SyncConfig.defaults(secret)
            .withListen(network.listen().isEmpty() ? List.of(ANY_IP4) : network.listen())
            .withPeers(new ArrayList<>(peers))
            .withAntiEntropy(ANTI_ENTROPY)
            .withAgentVersion(network.agent());
    return network.mdnsInterface() == null
        ? config
        : config.withMdns(network.mdnsInterface(), MDNS_INTERVAL);
  }

  /** The lock on a workspace of the data directory; empty when another process syncs it. */
  public Optional<ReplicaLock> tryLock(Path workspaceFile) throws IOException {
    return ReplicaLock.tryAcquire(data.replicaLockFileOf(workspaceFile));
  }

  /**
   * Starts syncing {@code ws} (whose secret is {@code secret}) as this device, with its saved
   * peers.
   */
  public WorkspaceSync start(Workspace ws, WorkspaceSecret secret, Network network)
      throws IOException, StoreException {
    return WorkspaceSync.start(
        ws, data.loadOrCreateDeviceKey(), config(secret, SharedWorkspaces.peers(ws), network));
  }

  /**
   * This launcher as the window uses it: {@link Network#window()}, the same lock as {@code serve}.
   */
  public SyncStarter forWindow() {
    return new SyncStarter() {
      @Override
      public Optional<AutoCloseable> tryLock(Workspace workspace) throws IOException {
        return SyncLauncher.this.tryLock(workspace.file()).map(lock -> lock);
      }

      @Override
      public WorkspaceSync start(Workspace workspace, WorkspaceSecret secret)
          throws IOException, StoreException {
        return SyncLauncher.this.start(workspace, secret, Network.window());
      }
    };
  }

  private static Optional<InetAddress> firstLanAddress() {
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback() || nif.isVirtual() || !nif.supportsMulticast()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
            return Optional.of(a);
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
