package org.rhizome.sync.host;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.gossip.GossipParams;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.pnet.PreSharedKey;

/** How to start a {@link Host}. Immutable; build with {@link #builder(PrivateKey)}. */
public record HostConfig(
    PrivateKey identity,
    List<Multiaddr> listenAddresses,
    @Nullable PreSharedKey psk,
    String agentVersion,
    int ioThreads,
    long yamuxWindow,
    int maxInboundConnections,
    GossipParams gossip,
    SecureRandom random,
    int maxPendingConnections,
    int maxPendingPerAddress,
    int maxConnectionsPerAddress,
    java.time.Duration handshakeTimeout) {

  public HostConfig {
    listenAddresses = List.copyOf(listenAddresses);
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads " + ioThreads);
    }
    if (maxInboundConnections < 1
        || maxPendingConnections < 1
        || maxPendingPerAddress < 1
        || maxConnectionsPerAddress < 1) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout " + handshakeTimeout);
    }
  }

  public static Builder builder(PrivateKey identity) {
    return new Builder(identity);
  }

  /**
   * Defaults: no listen address, no PSK, 2 I/O threads, 1 MiB yamux windows, 256 open inbound
   * connections (32 from one address), 64 inbound connections in their handshake (8 from one
   * address), 10 s to finish a handshake, js-compatible gossip.
   */
  public static final class Builder {
    private final PrivateKey identity;
    private final List<Multiaddr> listen = new ArrayList<>();
    private @Nullable PreSharedKey psk;
    private String agentVersion = "rhizome/0.1.0";
    private int ioThreads = 2;
    private long yamuxWindow = 1024 * 1024;
    private int maxInboundConnections = 256;
    private int maxPendingConnections = 64;
    private int maxPendingPerAddress = 8;
    private int maxConnectionsPerAddress = 32;
    private java.time.Duration handshakeTimeout = java.time.Duration.ofSeconds(10);
    private GossipParams gossip = GossipParams.defaults();
    private SecureRandom random = new SecureRandom();

    Builder(PrivateKey identity) {
      this.identity = Objects.requireNonNull(identity);
    }

    public Builder listen(Multiaddr address) {
      listen.add(address);
      return this;
    }

    public Builder psk(@Nullable PreSharedKey key) {
      this.psk = key;
      return this;
    }

    public Builder agentVersion(String agent) {
      this.agentVersion = agent;
      return this;
    }

    public Builder ioThreads(int n) {
      this.ioThreads = n;
      return this;
    }

    public Builder yamuxWindow(long bytes) {
      this.yamuxWindow = bytes;
      return this;
    }

    /**
     * Open (handshake done) inbound connections; beyond this a new one is closed at accept, before
     * any handshake work.
     */
    public Builder maxInboundConnections(int n) {
      this.maxInboundConnections = n;
      return this;
    }

    /**
     * Inbound connections still in their handshake, in all (see {@code ConnectionGate} for who gets
     * evicted).
     */
    public Builder maxPendingConnections(int n) {
      this.maxPendingConnections = n;
      return this;
    }

    /** Inbound connections still in their handshake from one IP address. */
    public Builder maxPendingPerAddress(int n) {
      this.maxPendingPerAddress = n;
      return this;
    }

    /** Open inbound connections from one IP address. */
    public Builder maxConnectionsPerAddress(int n) {
      this.maxConnectionsPerAddress = n;
      return this;
    }

    /**
     * Time for a connection, either way, to finish pnet, Noise and the muxer; it is closed after.
     */
    public Builder handshakeTimeout(java.time.Duration d) {
      this.handshakeTimeout = d;
      return this;
    }

    public Builder gossip(GossipParams params) {
      this.gossip = params;
      return this;
    }

    public Builder random(SecureRandom r) {
      this.random = r;
      return this;
    }

    public HostConfig build() {
      return new HostConfig(
          identity,
          listen,
          psk,
          agentVersion,
          ioThreads,
          yamuxWindow,
          maxInboundConnections,
          gossip,
          random,
          maxPendingConnections,
          maxPendingPerAddress,
          maxConnectionsPerAddress,
          handshakeTimeout);
    }
  }
}
