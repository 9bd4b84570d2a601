package org.rhizome.sync.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import org.rhizome.sync.peer.PeerId;

/**
 * One bidirectional stream inside a secured, multiplexed connection. Thread-safe: calls from
 * outside the connection's event loop are moved onto it, in order.
 */
public interface MuxedStream {
  PeerId remotePeer();

  /** The remote end of the connection, without {@code /p2p}. */
  org.rhizome.sync.peer.Multiaddr remoteAddress();

  /** The protocol agreed for this stream, or "" while it is being negotiated. */
  String protocol();

  /**
   * Sends {@code data} (ownership passes to the stream), respecting the remote's flow-control
   * window. The future completes (on the event loop) once the bytes have been handed to the
   * connection, so a producer that waits for it before writing more is paced by the remote's
   * window; it fails if the stream is reset or already closed for writing.
   */
  java.util.concurrent.CompletableFuture<Void> write(ByteBuf data);

  /** Half-closes: we send no more, the remote may still send. Queued data goes out first. */
  void closeWrite();

  /** Aborts the stream in both directions; queued data is dropped. */
  void reset();

  /** Replaces the receiver; data that arrived before any handler was set is delivered to it now. */
  void setHandler(StreamHandler handler);

  /** Bytes written but not yet sent because the remote's window is full. */
  long queuedBytes();

  EventLoop eventLoop();
}
