package org.rhizome.sync.transport.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.multistream.internal.MultistreamHandler;
import org.rhizome.sync.multistream.internal.Negotiation;
import org.rhizome.sync.noise.internal.NoiseHandshakeHandler;
import org.rhizome.sync.noise.internal.SecureSession;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.pnet.PnetHandler;
import org.rhizome.sync.pnet.PreSharedKey;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.yamux.internal.YamuxSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a TCP channel into a {@link Connection}, in the order libp2p uses
 * (specs/connections/README.md): [pnet] → multistream-select {@code /noise} → Noise XX → yamux, the
 * muxer agreed inside Noise when both sides offered one
 * (specs/connections/inlined-muxer-negotiation.md) and by multistream-select otherwise. Fails the
 * upgrade after its timeout (10 s by default). Thread-safe.
 */
public final class ConnectionUpgrader {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgrader.class);
  static final long UPGRADE_TIMEOUT_SECONDS = 10;
  private static final org.rhizome.sync.transport.RateLimitedLog QUIET =
      new org.rhizome.sync.transport.RateLimitedLog(LOG, 10, TimeUnit.SECONDS);

  /**
   * Told about finished connections, their inbound streams and their end. Called on the event loop.
   */
  public interface Listener {
    void onConnection(Connection connection);

    void onInboundStream(Connection connection, MuxedStream stream);

    void onClosed(Connection connection);
  }

  private final PrivateKey identity;
  private final byte[] noiseStaticKey;

  /** The network keys (decision 0009: they rotate when someone is removed); null: none. */
  private volatile org.rhizome.sync.pnet.@Nullable NetworkKeys keys;

  /** Failed dials per remote address since its last success: which accepted key to try next. */
  private final java.util.Map<String, Integer> dialFailures =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final SecureRandom random;
  private final long yamuxWindow;
  private final Listener listener;
  private final long timeoutMillis;

  public ConnectionUpgrader(
      PrivateKey identity,
      @Nullable PreSharedKey psk,
      SecureRandom random,
      long yamuxWindow,
      Listener listener) {
    this(
        identity,
        psk,
        random,
        yamuxWindow,
        listener,
        java.time.Duration.ofSeconds(UPGRADE_TIMEOUT_SECONDS));
  }

  public ConnectionUpgrader(
      PrivateKey identity,
      @Nullable PreSharedKey psk,
      SecureRandom random,
      long yamuxWindow,
      Listener listener,
      java.time.Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
    this.identity = identity;
    this.keys = psk == null ? null : org.rhizome.sync.pnet.NetworkKeys.of(psk);
    this.random = random;
    this.yamuxWindow = yamuxWindow;
    this.listener = listener;
    this.noiseStaticKey = new byte[32];
    org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(random, noiseStaticKey);
  }

  /**
   * From now on, dials with {@code keys.current()} and accepts any of {@code keys.accepted()}
   * (decision 0009). Only on a host that was started with a network key.
   */
  public void useNetworkKeys(org.rhizome.sync.pnet.NetworkKeys keys) {
    if (this.keys == null) {
      throw new IllegalStateException("this host runs without a network key");
    }
    this.keys = keys;
  }

  /** Installs the upgrade handlers; call from the channel initializer. */
  public CompletableFuture<Connection> upgrade(
      Channel channel, Direction direction, @Nullable PeerId expected) {
    return upgrade(channel, direction, expected, () -> {});
  }

  /**
   * As {@link #upgrade(Channel, Direction, PeerId)}; {@code onProven} runs (on the event loop) once
   * the remote has negotiated the security protocol — on a private network, the first proof that it
   * holds the key, since its multistream-select lines arrive encrypted with it.
   */
  public CompletableFuture<Connection> upgrade(
      Channel channel, Direction direction, @Nullable PeerId expected, Runnable onProven) {
    CompletableFuture<Connection> result = new CompletableFuture<>();
    boolean dialer = direction == Direction.OUTBOUND;
    ChannelPipeline p = channel.pipeline();
    org.rhizome.sync.pnet.NetworkKeys k = keys;
    String address = String.valueOf(channel.remoteAddress());
    if (k != null) {
      // A dialler tries the current key first and, after a failed dial, the older ones it still
      // accepts: a member that has not heard of the removal yet listens on an older one (0009).
      int attempt = dialer ? dialFailures.getOrDefault(address, 0) : 0;
      p.addLast(
          "pnet",
          dialer || k.accepted().size() == 1
              ? new PnetHandler(k.accepted().get(attempt % k.accepted().size()), random)
              : new PnetHandler(k.accepted(), random));
    }
    Negotiation security =
        dialer
            ? Negotiation.dialer(List.of(NoiseHandshakeHandler.PROTOCOL_ID))
            : Negotiation.listener(
                NoiseHandshakeHandler.PROTOCOL_ID::equals,
                List.of(NoiseHandshakeHandler.PROTOCOL_ID));
    p.addLast(
        "mss-security",
        new MultistreamHandler(
            security,
            (ctx, protocol) -> {
              onProven.run();
              ctx.pipeline()
                  .addAfter(
                      ctx.name(),
                      "noise-handshake",
                      new NoiseHandshakeHandler(
                          dialer,
                          identity,
                          noiseStaticKey,
                          expected,
                          List.of(YamuxSession.PROTOCOL_ID),
                          random,
                          (c, session) -> onSecured(c, session, direction, result)));
            }));
    p.addLast("errors", new ErrorHandler(result));
    channel
        .eventLoop()
        .schedule(
            () -> {
              if (!result.isDone()) {
                result.completeExceptionally(new Libp2pException("connection upgrade timed out"));
                channel.close();
              }
            },
            timeoutMillis,
            TimeUnit.MILLISECONDS);
    channel
        .closeFuture()
        .addListener(
            f ->
                result.completeExceptionally(
                    new Libp2pException("connection closed during upgrade")));
    if (dialer && k != null && k.accepted().size() > 1) {
      result.whenComplete(
          (c, e) -> {
            if (e == null) {
              dialFailures.remove(address);
            } else {
              if (dialFailures.size() > 4096) {
                dialFailures.clear();
              }
              dialFailures.merge(address, 1, Integer::sum);
            }
          });
    }
    return result;
  }

  private void onSecured(
      ChannelHandlerContext ctx,
      SecureSession session,
      Direction direction,
      CompletableFuture<Connection> result) {
    if (!session.remoteMuxers().isEmpty()) {
      if (!session.remoteMuxers().contains(YamuxSession.PROTOCOL_ID)) {
        throw new Libp2pException("no common muxer in " + session.remoteMuxers());
      }
      installYamux(ctx.pipeline(), "noise", session, direction, result);
      return;
    }
    Negotiation muxer =
        direction == Direction.OUTBOUND
            ? Negotiation.dialer(List.of(YamuxSession.PROTOCOL_ID))
            : Negotiation.listener(
                YamuxSession.PROTOCOL_ID::equals, List.of(YamuxSession.PROTOCOL_ID));
    ctx.pipeline()
        .addAfter(
            "noise",
            "mss-muxer",
            new MultistreamHandler(
                muxer,
                (c, protocol) -> installYamux(c.pipeline(), c.name(), session, direction, result)));
  }

  private void installYamux(
      ChannelPipeline pipeline,
      String after,
      SecureSession session,
      Direction direction,
      CompletableFuture<Connection> result) {
    Channel ch = pipeline.channel();
    Connection[] holder = new Connection[1];
    Multiaddr remote = Multiaddr.fromSocketAddress((InetSocketAddress) ch.remoteAddress());
    YamuxSession yamux =
        new YamuxSession(
            direction == Direction.OUTBOUND,
            session.remotePeer(),
            remote,
            yamuxWindow,
            new YamuxSession.Listener() {
              @Override
              public void onInboundStream(MuxedStream stream) {
                listener.onInboundStream(holder[0], stream);
              }

              @Override
              public void onSessionClosed() {
                listener.onClosed(holder[0]);
              }
            });
    holder[0] = new Connection(ch, session.remotePeer(), remote, direction, yamux);
    yamux.install(pipeline, after);
    if (!result.isDone()) {
      // Register before completing, so whoever waits on the dial finds the connection.
      listener.onConnection(holder[0]);
      result.complete(holder[0]);
    }
  }

  /** Last handler: logs a broken connection once and closes it. */
  private static final class ErrorHandler extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Connection> result;

    ErrorHandler(CompletableFuture<Connection> result) {
      this.result = result;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Throwable root =
          cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
      if (root instanceof Error e) {
        throw e;
      }
      if (root instanceof Libp2pException) {
        // Anyone can cause this (garbage, another network's key): one line per 10 s, not one per
        // connection.
        QUIET.info(
            "upgrade-failed",
            "closing connection {}: {}",
            ctx.channel().remoteAddress(),
            root.getMessage());
      } else if (root instanceof java.io.IOException) {
        LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), root.toString());
      } else {
        QUIET.warn(
            "upgrade-error",
            "closing connection {} after unexpected error",
            ctx.channel().remoteAddress(),
            root);
      }
      result.completeExceptionally(root);
      ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg);
    }
  }
}
