package org.rhizome.ui.sync;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.SyncConfig;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/**
 * How a switched-on workspace reaches its peers. The app uses {@link #lan}: listen on every
 * interface, dial the saved peers, discover peers by mDNS on one explicit interface. Tests use
 * loopback and no mDNS. Called on the {@code rhizome-ui-sync} thread (it may look at interfaces).
 */
@FunctionalInterface
public interface SyncConfigFactory {
  SyncConfig configFor(WorkspaceSecret secret, List<Multiaddr> savedPeers);

  /** Every interface, saved peers, mDNS on the first up, non-loopback IPv4 interface (none if there is none). */
  static SyncConfigFactory lan(String agentVersion) {
    return (secret, peers) -> {
      SyncConfig c = SyncConfig.defaults(secret).withPeers(peers).withAgentVersion(agentVersion);
      InetAddress lan = firstLanAddress().orElse(null);
      return lan == null ? c : c.withMdns(lan, Duration.ofSeconds(10));
    };
  }

  /** Loopback only, no discovery, quick redials: for tests and a second in-process peer. */
  static SyncConfigFactory loopback() {
    return (secret, peers) -> SyncConfig.defaults(secret).withListen(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")))
        .withPeers(peers).withRedial(Duration.ofMillis(300)).withAntiEntropy(Duration.ofSeconds(2));
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
