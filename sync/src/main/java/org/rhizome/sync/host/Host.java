package org.rhizome.sync.host;

// Longer than 500 lines on purpose: the libp2p host: listening, dialling, the connection limits and
// the protocol table act on one connection registry.

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.gossip.PubSub;
import org.rhizome.sync.gossip.internal.GossipRouter;
import org.rhizome.sync.identify.IdentifyService;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.ping.PingService;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.IdentifyInfo;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandlerFactory;
import org.rhizome.sync.transport.internal.Connection;
import org.rhizome.sync.transport.internal.ConnectionUpgrader;
import org.rhizome.sync.transport.internal.ProtocolRegistry;
import org.rhizome.sync.transport.internal.StreamNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libp2p host: listens and dials over TCP, upgrades connections (pnet, Noise, yamux), serves
 * identify, ping and GossipSub, and the request/response protocols registered with {@link #handle}.
 *
 * <p><b>Threading.</b> All methods are thread-safe and never block except {@link #start} (binds the
 * listeners) and {@link #close} (waits up to a few seconds for shutdown). Network I/O runs on
 * {@code rhizome-net-io-N} event loops; stream handlers are called there and must not block. {@link
 * PeerListener}s are called on the single {@code rhizome-p2p-events} thread. Pubsub state and its
 * callbacks live on the single {@code rhizome-gossip} thread (see {@link PubSub}).
 */
public final class Host implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Host.class);

  private final HostConfig config;
  private final PeerId peerId;
  private final EventLoopGroup group;
  private final ExecutorService events;
  private final ProtocolRegistry registry = new ProtocolRegistry();
  private final ConnectionUpgrader upgrader;
  private final IdentifyService identify;
  private final PingService ping;
  private final GossipRouter gossip;
  private final List<Channel> listeners = new CopyOnWriteArrayList<>();
  private final Map<PeerId, List<Connection>> connections = new ConcurrentHashMap<>();
  private final Map<PeerId, IdentifyInfo> identified = new ConcurrentHashMap<>();
  private final List<PeerListener> peerListeners = new CopyOnWriteArrayList<>();
  private final ConnectionGate gate;

  /**
   * Streams a peer may open per second on one connection (yamux caps how many are open at once).
   */
  static final int MAX_STREAM_OPENS_PER_SECOND = 50;

  static final int MAX_STREAM_OPENS_BURST = 200;
  private final Map<Connection, org.rhizome.sync.transport.TokenBucket> streamOpens =
      new ConcurrentHashMap<>();
  private final org.rhizome.sync.transport.RateLimitedLog quiet =
      new org.rhizome.sync.transport.RateLimitedLog(LOG, 10, TimeUnit.SECONDS);
  private volatile boolean closed;

  /** Peers refused right after the handshake (removed members, decision 0008); none by default. */
  private volatile java.util.function.Predicate<PeerId> refused = peer -> false;

  private Host(HostConfig config) {
    this.config = config;
    this.peerId = config.identity().peerId();
    this.group =
        new MultiThreadIoEventLoopGroup(
            config.ioThreads(),
            new NamedThreadFactory("rhizome-net-io"),
            NioIoHandler.newFactory());
    this.events = Executors.newSingleThreadExecutor(new NamedThreadFactory("rhizome-p2p-events"));
    this.upgrader =
        new ConnectionUpgrader(
            config.identity(),
            config.psk(),
            config.random(),
            config.yamuxWindow(),
            new Upgrades(),
            config.handshakeTimeout());
    this.gate =
        new ConnectionGate(
            config.maxPendingConnections(),
            config.maxPendingPerAddress(),
            config.maxInboundConnections(),
            config.maxConnectionsPerAddress());
    this.identify =
        new IdentifyService(
            config.identity().publicKey(),
            config.agentVersion(),
            registry,
            this::listenAddressesWithoutId);
    this.ping = new PingService(config.random());
    this.gossip =
        new GossipRouter(
            config.identity(),
            config.gossip(),
            System::currentTimeMillis,
            config.random(),
            this::openGossipStream);
    identify.register(identified::get, this::onIdentifyPush);
    ping.register(registry);
    gossip.register(registry);
  }

  /**
   * Starts a host listening on the configured addresses (port 0 picks a free port).
   *
   * @throws IOException if an address cannot be bound
   */
  public static Host start(HostConfig config) throws IOException {
    Host host = new Host(config);
    try {
      for (Multiaddr address : config.listenAddresses()) {
        host.bind(address);
      }
    } catch (IOException | RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }

  private void bind(Multiaddr address) throws IOException {
    InetSocketAddress socket = address.toSocketAddress();
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    admitInbound(ch);
                  }
                });
    try {
      Channel ch = b.bind(socket).sync().channel();
      listeners.add(ch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding " + address, e);
    } catch (Exception e) {
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /**
   * Admits an accepted connection to its handshake, or closes it at once (RST, no handshake work)
   * when the pending or open limits say so; see {@link ConnectionGate}. Runs on the channel's event
   * loop.
   */
  private void admitInbound(SocketChannel ch) {
    InetSocketAddress remote = ch.remoteAddress();
    if (remote == null) {
      ch.close(); // gone before we looked
      return;
    }
    java.net.InetAddress address = remote.getAddress();
    ConnectionGate.Admission admission = gate.admit(address, ch);
    if (admission.verdict() != ConnectionGate.Verdict.ADMITTED) {
      quiet.info(
          admission.verdict().name(),
          "refusing inbound connections: {} (latest from {})",
          admission.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          address.getHostAddress());
      ch.config().setOption(ChannelOption.SO_LINGER, 0);
      ch.close();
      return;
    }
    if (admission.evicted() != null) {
      quiet.info(
          "evicted",
          "closing a pending connection from {} to make room for one from {}",
          admission.evicted().remoteAddress(),
          address.getHostAddress());
      admission.evicted().close();
    }
    ch.closeFuture().addListener(f -> gate.closed(address, ch));
    upgrader
        .upgrade(ch, Direction.INBOUND, null, () -> gate.proven(address, ch))
        .whenComplete(
            (c, e) -> {
              if (e == null && !gate.promote(address, ch)) {
                quiet.info(
                    "open-limit",
                    "closing a new connection from {}: open connection limit reached",
                    address.getHostAddress());
                c.close();
              }
            });
  }

  /** Inbound connections in their handshake now (for tests and status). */
  public int pendingInbound() {
    return gate.pendingCount();
  }

  /** Open inbound connections now. */
  public int openInbound() {
    return gate.openCount();
  }

  public PeerId peerId() {
    return peerId;
  }

  /** The bound addresses with {@code /p2p/<our id>}. */
  public List<Multiaddr> listenAddresses() {
    return listenAddressesWithoutId().stream().map(a -> a.withPeerId(peerId)).toList();
  }

  /**
   * Bound addresses; a wildcard bind (0.0.0.0, ::) is listed as each up interface's address of that
   * family.
   */
  private List<Multiaddr> listenAddressesWithoutId() {
    List<Multiaddr> out = new ArrayList<>();
    for (Channel ch : listeners) {
      InetSocketAddress local = (InetSocketAddress) ch.localAddress();
      if (!local.getAddress().isAnyLocalAddress()) {
        out.add(Multiaddr.fromSocketAddress(local));
        continue;
      }
      for (java.net.InetAddress ip : interfaceAddresses()) {
        if (ip.getClass() == local.getAddress().getClass() && !ip.isLinkLocalAddress()) {
          out.add(Multiaddr.fromSocketAddress(new InetSocketAddress(ip, local.getPort())));
        }
      }
    }
    return out;
  }

  private static List<java.net.InetAddress> interfaceAddresses() {
    List<java.net.InetAddress> out = new ArrayList<>();
    try {
      for (var nics = java.net.NetworkInterface.getNetworkInterfaces(); nics.hasMoreElements(); ) {
        var nic = nics.nextElement();
        if (nic.isUp()) {
          out.addAll(java.util.Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (java.net.SocketException e) {
      LOG.warn("cannot list network interfaces: {}", e.getMessage());
    }
    return out;
  }

  public void addPeerListener(PeerListener listener) {
    peerListeners.add(listener);
  }

  public void removePeerListener(PeerListener listener) {
    peerListeners.remove(listener);
  }

  /** Peers with at least one open connection. */
  public Set<PeerId> connectedPeers() {
    return Set.copyOf(connections.keySet());
  }

  public Optional<IdentifyInfo> identifyInfo(PeerId peer) {
    return Optional.ofNullable(identified.get(peer));
  }

  /** GossipSub. */
  public PubSub pubsub() {
    return gossip;
  }

  /**
   * Connects to {@code address}; if it names a {@code /p2p} id the remote must prove it. Reuses an
   * open connection to that peer. Completes with the remote's id, or fails within 10 s.
   */
  public CompletableFuture<PeerId> dial(Multiaddr address) {
    Optional<PeerId> expected = address.peerId();
    if (expected.isPresent() && expected.get().equals(peerId)) {
      return CompletableFuture.failedFuture(new Libp2pException("refusing to dial ourselves"));
    }
    if (expected.isPresent() && connections.containsKey(expected.get())) {
      return CompletableFuture.completedFuture(expected.get());
    }
    InetSocketAddress target;
    try {
      target = address.toSocketAddress();
    } catch (Libp2pException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (target.isUnresolved()) {
      // A /dns* name: resolve off the event loops (the JDK resolver blocks).
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new InetSocketAddress(
                      java.net.InetAddress.getByName(target.getHostString()), target.getPort());
                } catch (java.net.UnknownHostException e) {
                  throw new Libp2pException("cannot resolve " + target.getHostString(), e);
                }
              })
          .thenCompose(resolved -> connect(address, resolved, expected));
    }
    return connect(address, target, expected);
  }

  private CompletableFuture<PeerId> connect(
      Multiaddr address, InetSocketAddress target, Optional<PeerId> expected) {
    CompletableFuture<PeerId> result = new CompletableFuture<>();
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    upgrader
                        .upgrade(ch, Direction.OUTBOUND, expected.orElse(null))
                        .whenComplete(
                            (c, e) -> {
                              if (e != null) {
                                result.completeExceptionally(e);
                              } else {
                                result.complete(c.remotePeer());
                              }
                            });
                  }
                });
    b.connect(target)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new Libp2pException(
                        "cannot connect to " + address + ": " + f.cause().getMessage(), f.cause()));
              }
            });
    return result;
  }

  /** One ping round trip to a connected peer. */
  public CompletableFuture<Duration> ping(PeerId peer) {
    return connection(peer)
        .map(c -> ping.ping(c, Duration.ofSeconds(10)))
        .orElseGet(
            () -> CompletableFuture.failedFuture(new Libp2pException("not connected to " + peer)));
  }

  /**
   * Serves {@code protocol} (e.g. {@code /rhizome/sync/1.0.0}) on streams peers open to us; the
   * factory runs on the stream's event loop. Identify tells peers connected after this call.
   */
  public void handle(String protocol, StreamHandlerFactory factory) {
    registry.register(protocol, factory);
    for (List<Connection> list : connections.values()) {
      for (Connection c : list) {
        IdentifyInfo info = identified.get(c.remotePeer());
        if (info != null && info.protocols().contains(IdentifyService.PUSH_PROTOCOL_ID)) {
          identify.push(c);
        }
      }
    }
  }

  /**
   * Opens a stream to a connected peer and negotiates the first of {@code protocols} it accepts.
   * Completes once {@code factory}'s handler is installed; fails if the peer refuses them all.
   */
  public CompletableFuture<MuxedStream> openStream(
      PeerId peer, List<String> protocols, StreamHandlerFactory factory) {
    return connection(peer)
        .map(c -> c.openStream(protocols, factory))
        .orElseGet(
            () -> CompletableFuture.failedFuture(new Libp2pException("not connected to " + peer)));
  }

  /** Closes the connections to {@code peer} that went in {@code direction}. */
  public void closeConnections(PeerId peer, Direction direction) {
    for (Connection c : connections.getOrDefault(peer, List.of())) {
      if (c.direction() == direction) {
        c.close();
      }
    }
  }

  /**
   * Refuses, from now on, every connection whose peer {@code refuse} names, as soon as its
   * handshake has proven who it is. The test runs on an event loop: it must not block.
   */
  /**
   * Rotates the private-network keys (decision 0009): new connections are dialled with the current
   * one and accepted under any of those listed; open connections stay as they are.
   */
  public void useNetworkKeys(org.rhizome.sync.pnet.NetworkKeys keys) {
    upgrader.useNetworkKeys(keys);
  }

  public void refusePeers(java.util.function.Predicate<PeerId> refuse) {
    this.refused = refuse;
  }

  /** Closes every connection to {@code peer}. */
  public void disconnect(PeerId peer) {
    for (Connection c : connections.getOrDefault(peer, List.of())) {
      c.close();
    }
  }

  private Optional<Connection> connection(PeerId peer) {
    List<Connection> list = connections.get(peer);
    if (list == null) {
      return Optional.empty();
    }
    return list.stream().filter(Connection::isOpen).findFirst();
  }

  private CompletableFuture<MuxedStream> openGossipStream(
      PeerId peer, List<String> protocols, StreamHandlerFactory factory) {
    return openStream(peer, protocols, factory);
  }

  private void onIdentifyPush(PeerId peer, IdentifyInfo info) {
    identified.put(peer, info);
    gossip.onPeerProtocols(peer, info.protocols());
  }

  private void fire(java.util.function.Consumer<PeerListener> event) {
    if (closed) {
      return;
    }
    try {
      events.execute(
          () -> {
            for (PeerListener l : peerListeners) {
              try {
                event.accept(l);
              } catch (RuntimeException e) {
                LOG.warn("peer listener failed", e);
              }
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("host closed; event dropped");
    }
  }

  /**
   * Closes every connection and listener and stops the threads, waiting up to ~5 s.
   *
   * @throws IllegalStateException if called from one of the host's own I/O threads (it would wait
   *     on itself)
   */
  @Override
  public void close() {
    for (io.netty.util.concurrent.EventExecutor e : group) {
      if (e.inEventLoop()) {
        throw new IllegalStateException("Host.close() called from its own I/O thread");
      }
    }
    if (closed) {
      return;
    }
    closed = true;
    gossip.close();
    for (Channel ch : listeners) {
      ch.close();
    }
    for (List<Connection> list : connections.values()) {
      for (Connection c : list) {
        c.close();
      }
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    events.shutdown();
  }

  /** Hooks the upgrader's events into the host's bookkeeping. Called on the event loop. */
  private final class Upgrades implements ConnectionUpgrader.Listener {
    @Override
    public void onConnection(Connection c) {
      if (closed || refused.test(c.remotePeer())) {
        c.close();
        return;
      }
      connections.compute(
          c.remotePeer(),
          (k, v) -> {
            List<Connection> list = v == null ? new CopyOnWriteArrayList<>() : v;
            list.add(c);
            return list;
          });
      LOG.debug("{} up", c);
      fire(l -> l.onConnected(c.remotePeer(), c.remoteAddress(), c.direction()));
      gossip.onPeerConnected(c.remotePeer(), c.direction() == Direction.OUTBOUND);
      identify
          .identify(c)
          .whenComplete(
              (info, e) -> {
                if (e != null) {
                  LOG.debug("identify of {} failed: {}", c.remotePeer(), e.toString());
                  return;
                }
                identified.put(c.remotePeer(), info);
                fire(l -> l.onIdentified(c.remotePeer(), info));
                gossip.onPeerProtocols(c.remotePeer(), info.protocols());
              });
    }

    @Override
    public void onInboundStream(Connection c, MuxedStream stream) {
      org.rhizome.sync.transport.TokenBucket opens =
          streamOpens.computeIfAbsent(
              c,
              k ->
                  new org.rhizome.sync.transport.TokenBucket(
                      MAX_STREAM_OPENS_PER_SECOND, MAX_STREAM_OPENS_BURST));
      if (!opens.tryTake(1)) {
        quiet.info(
            "stream-rate",
            "resetting streams from {}: over {} new streams a second",
            c.remotePeer(),
            MAX_STREAM_OPENS_PER_SECOND);
        stream.reset();
        return;
      }
      StreamNegotiator.listen(stream, registry);
    }

    @Override
    public void onClosed(Connection c) {
      streamOpens.remove(c);
      boolean[] last = new boolean[1];
      connections.computeIfPresent(
          c.remotePeer(),
          (k, v) -> {
            v.remove(c);
            last[0] = v.isEmpty();
            return v.isEmpty() ? null : v;
          });
      LOG.debug("{} down", c);
      if (last[0]) {
        identified.remove(c.remotePeer());
        gossip.onPeerDisconnected(c.remotePeer());
        fire(l -> l.onDisconnected(c.remotePeer()));
      }
    }
  }

  @Override
  public String toString() {
    return "Host[" + peerId + "]";
  }
}
