package org.rhizome.sync.identify;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PublicKey;
import org.rhizome.sync.transport.IdentifyInfo;
import org.rhizome.sync.transport.LengthPrefixedFrames;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.transport.internal.Connection;
import org.rhizome.sync.transport.internal.ProtocolRegistry;

/**
 * {@code /ipfs/id/1.0.0} and {@code /ipfs/id/push/1.0.0} (specs/identify/README.md). We answer with
 * one message and half-close at once (js waits for our FIN). We ask every new connection, read up
 * to 10 messages of at most 8 KiB until the remote's FIN, and require a public key that matches the
 * peer Noise proved. Thread-safe; handlers run on the connection's event loop.
 */
public final class IdentifyService {
  public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";
  public static final String PUSH_PROTOCOL_ID = "/ipfs/id/push/1.0.0";
  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
  static final int MAX_MESSAGE_LENGTH = 8192;
  static final int MAX_MESSAGES = 10;
  static final long TIMEOUT_SECONDS = 5;

  private final PublicKey publicKey;
  private final String agentVersion;
  private final ProtocolRegistry registry;
  private final Supplier<List<Multiaddr>> listenAddresses;

  public IdentifyService(
      PublicKey publicKey,
      String agentVersion,
      ProtocolRegistry registry,
      Supplier<List<Multiaddr>> listenAddresses) {
    this.publicKey = publicKey;
    this.agentVersion = agentVersion;
    this.registry = registry;
    this.listenAddresses = listenAddresses;
  }

  /** Registers the identify and push handlers. */
  /**
   * Registers the identify and push handlers.
   *
   * @param pushed receives (on the event loop) what a peer pushed, merged over {@code current}'s
   *     answer
   */
  public void register(
      java.util.function.Function<org.rhizome.sync.peer.PeerId, @Nullable IdentifyInfo> current,
      java.util.function.BiConsumer<org.rhizome.sync.peer.PeerId, IdentifyInfo> pushed) {
    registry.register(
        PROTOCOL_ID,
        stream -> {
          stream.write(
              LengthPrefixedFrames.frame(
                  PooledByteBufAllocator.DEFAULT,
                  IdentifyCodec.encode(ourInfo(stream.remoteAddress()))));
          stream.closeWrite();
          return (s, data) -> {};
        });
    registry.register(
        PUSH_PROTOCOL_ID,
        stream ->
            new Reader(
                stream,
                current.apply(stream.remotePeer()),
                info -> pushed.accept(stream.remotePeer(), info),
                false));
  }

  IdentifyInfo ourInfo(Multiaddr observed) {
    return new IdentifyInfo(
        publicKey,
        listenAddresses.get(),
        registry.protocols(),
        observed,
        PROTOCOL_VERSION,
        agentVersion);
  }

  /** Tells the remote our current addresses and protocols (identify push); best effort. */
  public void push(Connection connection) {
    connection.openStream(
        List.of(PUSH_PROTOCOL_ID),
        stream -> {
          IdentifyInfo ours = ourInfo(connection.remoteAddress());
          IdentifyInfo push =
              new IdentifyInfo(
                  null,
                  ours.listenAddresses(),
                  ours.protocols(),
                  null,
                  ours.protocolVersion(),
                  ours.agentVersion());
          stream.write(
              LengthPrefixedFrames.frame(
                  PooledByteBufAllocator.DEFAULT, IdentifyCodec.encode(push)));
          stream.closeWrite();
          return (s, data) -> {};
        });
  }

  /**
   * Asks the remote who it is; completes with what it said, verified against the connection's peer.
   */
  public CompletableFuture<IdentifyInfo> identify(Connection connection) {
    CompletableFuture<IdentifyInfo> result = new CompletableFuture<>();
    connection
        .openStream(
            List.of(PROTOCOL_ID),
            stream ->
                new Reader(
                    stream,
                    null,
                    info -> {
                      if (info.publicKey() == null) {
                        result.completeExceptionally(
                            new ProtocolViolationException("identify without public key"));
                      } else if (!info.publicKey().toPeerId().equals(connection.remotePeer())) {
                        result.completeExceptionally(
                            new ProtocolViolationException(
                                "identify key does not match " + connection.remotePeer()));
                      } else {
                        connection.identify(info);
                        result.complete(info);
                      }
                    },
                    true))
        .whenComplete(
            (s, e) -> {
              if (e != null) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** Reads identify messages until FIN, then reports their merge. */
  private static final class Reader implements StreamHandler {
    private final LengthPrefixedFrames frames =
        new LengthPrefixedFrames(PooledByteBufAllocator.DEFAULT, MAX_MESSAGE_LENGTH);
    private final java.util.function.Consumer<IdentifyInfo> done;
    private final ScheduledFuture<?> timeout;
    private @Nullable IdentifyInfo merged;
    private int count;
    private boolean finished;

    Reader(
        MuxedStream stream,
        @Nullable IdentifyInfo base,
        java.util.function.Consumer<IdentifyInfo> done,
        boolean closeOurSide) {
      this.merged = base;
      this.done = done;
      this.timeout = stream.eventLoop().schedule(stream::reset, TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (closeOurSide) {
        stream.closeWrite();
      }
    }

    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      try {
        frames.add(
            data,
            message -> {
              if (++count > MAX_MESSAGES) {
                throw new ProtocolViolationException(
                    "more than " + MAX_MESSAGES + " identify messages");
              }
              merged = IdentifyCodec.decodeOver(merged, ByteBufUtil.getBytes(message));
            });
      } catch (Libp2pException e) {
        stream.reset();
      }
    }

    @Override
    public void onRemoteClose(MuxedStream stream) {
      finish();
      IdentifyInfo info = merged;
      if (info != null) {
        done.accept(info);
      }
      stream.closeWrite();
    }

    @Override
    public void onReset(MuxedStream stream) {
      finish();
    }

    private void finish() {
      if (!finished) {
        finished = true;
        timeout.cancel(false);
        frames.release();
      }
    }
  }
}
