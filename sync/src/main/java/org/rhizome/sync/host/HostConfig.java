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
public record HostConfig(PrivateKey identity, List<Multiaddr> listenAddresses, @Nullable PreSharedKey psk, String agentVersion,
        int ioThreads, long yamuxWindow, int maxInboundConnections, GossipParams gossip, SecureRandom random) {

    public HostConfig {
        listenAddresses = List.copyOf(listenAddresses);
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads " + ioThreads);
        }
    }

    public static Builder builder(PrivateKey identity) {
        return new Builder(identity);
    }

    /**
     * Defaults: no listen address, no PSK, 2 I/O threads, 1 MiB yamux windows, 256 inbound connections,
     * js-compatible gossip.
     */
    public static final class Builder {
        private final PrivateKey identity;
        private final List<Multiaddr> listen = new ArrayList<>();
        private @Nullable PreSharedKey psk;
        private String agentVersion = "rhizome/0.1.0";
        private int ioThreads = 2;
        private long yamuxWindow = 1024 * 1024;
        private int maxInboundConnections = 256;
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

        /** Inbound TCP connections beyond this are closed at accept, before any handshake work. */
        public Builder maxInboundConnections(int n) {
            this.maxInboundConnections = n;
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
            return new HostConfig(identity, listen, psk, agentVersion, ioThreads, yamuxWindow, maxInboundConnections, gossip, random);
        }
    }
}
