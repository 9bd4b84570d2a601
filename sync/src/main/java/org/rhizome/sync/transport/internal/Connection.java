package org.rhizome.sync.transport.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.IdentifyInfo;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandlerFactory;
import org.rhizome.sync.yamux.internal.YamuxSession;

/**
 * An upgraded connection: TCP (optionally private-network), Noise, yamux. Thread-safe; stream
 * opening happens on the connection's event loop.
 */
public final class Connection {
  private final Channel channel;
  private final PeerId remotePeer;
  private final Multiaddr remoteAddress;
  private final Direction direction;
  private final YamuxSession session;
  private volatile @Nullable IdentifyInfo identify;

  public Connection(
      Channel channel,
      PeerId remotePeer,
      Multiaddr remoteAddress,
      Direction direction,
      YamuxSession session) {
    this.channel = channel;
    this.remotePeer = remotePeer;
    this.remoteAddress = remoteAddress;
    this.direction = direction;
    this.session = session;
  }

  public PeerId remotePeer() {
    return remotePeer;
  }

  /** The remote's socket address, without {@code /p2p}. */
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  public Direction direction() {
    return direction;
  }

  public EventLoop eventLoop() {
    return channel.eventLoop();
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  public @Nullable IdentifyInfo identify() {
    return identify;
  }

  public void identify(IdentifyInfo info) {
    this.identify = info;
  }

  /**
   * Opens a stream and negotiates the first of {@code protocols} the remote accepts; the future
   * completes on the event loop once {@code factory}'s handler is installed.
   */
  public CompletableFuture<MuxedStream> openStream(
      List<String> protocols, StreamHandlerFactory factory) {
    CompletableFuture<MuxedStream> result = new CompletableFuture<>();
    channel
        .eventLoop()
        .execute(
            () -> {
              try {
                StreamNegotiator.dial(session.openStream(), protocols, factory)
                    .whenComplete(
                        (s, e) -> {
                          if (e != null) {
                            result.completeExceptionally(e);
                          } else {
                            result.complete(s);
                          }
                        });
              } catch (Libp2pException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** Closes politely (yamux GoAway, then TCP close). */
  public void close() {
    session.close();
  }

  public CompletableFuture<Void> closeFuture() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    channel.closeFuture().addListener(x -> f.complete(null));
    return f;
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase(java.util.Locale.ROOT)
        + " connection to "
        + remotePeer
        + " at "
        + remoteAddress;
  }
}
