package org.rhizome.sync.replication;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.gossip.GossipParams;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/**
 * How a workspace syncs. Immutable.
 *
 * @param secret the workspace's secret (the private network key comes from it)
 * @param listen where to accept connections (e.g. {@code /ip4/0.0.0.0/tcp/0})
 * @param peers peers to dial and keep dialling (from the user or an invite)
 * @param mdnsInterface the interface to run mDNS discovery on; null for none (the default)
 * @param antiEntropy how often to pull from every connected peer, to repair anything gossip lost
 * @param redial how often to retry the {@code peers} that are not connected
 */
public record SyncConfig(
    WorkspaceSecret secret,
    List<Multiaddr> listen,
    List<Multiaddr> peers,
    @Nullable InetAddress mdnsInterface,
    Duration antiEntropy,
    Duration redial,
    Duration mdnsInterval,
    int pullWindow,
    int pullBatchBytes,
    GossipParams gossip,
    String agentVersion) {

  public SyncConfig {
    Objects.requireNonNull(secret, "secret");
    listen = List.copyOf(listen);
    peers = List.copyOf(peers);
  }

  public static SyncConfig defaults(WorkspaceSecret secret) {
    return new SyncConfig(
        secret,
        List.of(Multiaddr.parse("/ip4/0.0.0.0/tcp/0")),
        List.of(),
        null,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        8,
        256 << 10,
        GossipParams.defaults(),
        "rhizome");
  }

  public SyncConfig withListen(List<Multiaddr> addresses) {
    return new SyncConfig(
        secret,
        addresses,
        peers,
        mdnsInterface,
        antiEntropy,
        redial,
        mdnsInterval,
        pullWindow,
        pullBatchBytes,
        gossip,
        agentVersion);
  }

  public SyncConfig withPeers(List<Multiaddr> addresses) {
    return new SyncConfig(
        secret,
        listen,
        addresses,
        mdnsInterface,
        antiEntropy,
        redial,
        mdnsInterval,
        pullWindow,
        pullBatchBytes,
        gossip,
        agentVersion);
  }

  public SyncConfig withMdns(@Nullable InetAddress iface, Duration interval) {
    return new SyncConfig(
        secret,
        listen,
        peers,
        iface,
        antiEntropy,
        redial,
        interval,
        pullWindow,
        pullBatchBytes,
        gossip,
        agentVersion);
  }

  public SyncConfig withAntiEntropy(Duration interval) {
    return new SyncConfig(
        secret,
        listen,
        peers,
        mdnsInterface,
        interval,
        redial,
        mdnsInterval,
        pullWindow,
        pullBatchBytes,
        gossip,
        agentVersion);
  }

  public SyncConfig withRedial(Duration interval) {
    return new SyncConfig(
        secret,
        listen,
        peers,
        mdnsInterface,
        antiEntropy,
        interval,
        mdnsInterval,
        pullWindow,
        pullBatchBytes,
        gossip,
        agentVersion);
  }

  public SyncConfig withPull(int window, int batchBytes) {
    return new SyncConfig(
        secret,
        listen,
        peers,
        mdnsInterface,
        antiEntropy,
        redial,
        mdnsInterval,
        window,
        batchBytes,
        gossip,
        agentVersion);
  }

  public SyncConfig withGossip(GossipParams params) {
    return new SyncConfig(
        secret,
        listen,
        peers,
        mdnsInterface,
        antiEntropy,
        redial,
        mdnsInterval,
        pullWindow,
        pullBatchBytes,
        params,
        agentVersion);
  }

  public SyncConfig withAgentVersion(String agent) {
    return new SyncConfig(
        secret,
        listen,
        peers,
        mdnsInterface,
        antiEntropy,
        redial,
        mdnsInterval,
        pullWindow,
        pullBatchBytes,
        gossip,
        agent);
  }
}
