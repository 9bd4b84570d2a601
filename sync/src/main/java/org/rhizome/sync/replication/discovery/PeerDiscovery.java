package org.rhizome.sync.replication.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.mdns.MdnsService;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a workspace's host finds its peers: the configured ones, dialled again while they are not
 * connected, and, when an interface is given, those mDNS finds on it. Thread-safe.
 */
public final class PeerDiscovery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PeerDiscovery.class);

  private final Host host;
  private final List<Multiaddr> peers;
  private volatile @Nullable MdnsService mdns;
  private volatile boolean closed;

  public PeerDiscovery(Host host, List<Multiaddr> peers) {
    this.host = host;
    this.peers = List.copyOf(peers);
  }

  /** Dials every configured peer that is not connected (call it on a schedule). */
  public void redial() {
    Set<PeerId> connected = host.connectedPeers();
    for (Multiaddr a : peers) {
      if (a.peerId().isPresent() && connected.contains(a.peerId().get())) {
        continue;
      }
      host.dial(a)
          .whenComplete(
              (p, e) -> {
                if (e != null) {
                  log.debug("dialling {} failed: {}", a, e.getMessage());
                }
              });
    }
  }

  /**
   * Starts mDNS discovery on {@code iface}, dialling each peer it finds; a failure to start is
   * logged, not thrown.
   */
  public void startMdns(InetAddress iface, Duration interval) {
    try {
      mdns =
          MdnsService.start(
              host.peerId(),
              host::listenAddresses,
              found -> {
                if (closed || host.connectedPeers().contains(found.peer())) {
                  return;
                }
                for (Multiaddr a : found.addresses()) {
                  host.dial(a.withPeerId(found.peer()))
                      .whenComplete(
                          (p, e) -> {
                            if (e != null) {
                              log.debug("dialling {} found by mDNS failed: {}", a, e.getMessage());
                            }
                          });
                  break;
                }
              },
              iface,
              interval);
    } catch (IOException e) {
      log.warn("mDNS discovery could not start on {}: {}", iface, e.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    MdnsService m = mdns;
    mdns = null;
    if (m != null) {
      m.close();
    }
  }
}
