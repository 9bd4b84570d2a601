package org.rhizome.sync.transport.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.multistream.NoProtocolException;
import org.rhizome.sync.multistream.internal.MultistreamCodec;
import org.rhizome.sync.multistream.internal.Negotiation;
import org.rhizome.sync.multistream.internal.NegotiationWriter;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.NegotiableStream;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.transport.StreamHandlerFactory;

/**
 * multistream-select on a muxed stream. When a protocol is agreed it installs that protocol's
 * handler and hands it the bytes that came after the negotiation. Gives up (reset) after 10 s, as
 * js does. Event-loop confined.
 */
public final class StreamNegotiator implements StreamHandler {
  static final long TIMEOUT_SECONDS = 10;

  /** Longest negotiation backlog: an `ls` answer or a few proposals fit well inside it. */
  static final int MAX_BUFFERED = 8 * 1024;

  private final Negotiation negotiation;
  private final Function<String, StreamHandlerFactory> factories;
  private final CompletableFuture<MuxedStream> result;
  private final ByteBuf buffer;
  private final ScheduledFuture<?> timeout;
  private boolean remoteClosed;

  private StreamNegotiator(
      MuxedStream stream,
      Negotiation negotiation,
      Function<String, StreamHandlerFactory> factories,
      CompletableFuture<MuxedStream> result) {
    this.negotiation = negotiation;
    this.factories = factories;
    this.result = result;
    this.buffer = io.netty.buffer.PooledByteBufAllocator.DEFAULT.buffer();
    this.timeout =
        stream
            .eventLoop()
            .schedule(
                () -> {
                  if (negotiation.selected() == null) {
                    fail(stream, new Libp2pException("protocol negotiation timed out"));
                  }
                },
                TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
  }

  /**
   * Proposes {@code protocols} on a stream we opened; completes once one is agreed and its handler
   * set.
   */
  public static CompletableFuture<MuxedStream> dial(
      MuxedStream stream, List<String> protocols, StreamHandlerFactory factory) {
    CompletableFuture<MuxedStream> result = new CompletableFuture<>();
    Negotiation n = Negotiation.dialer(protocols);
    StreamNegotiator sn = new StreamNegotiator(stream, n, p -> factory, result);
    stream.setHandler(sn);
    sn.flush(stream);
    return result;
  }

  /** Answers the remote's proposals on a stream it opened, from {@code registry}. */
  public static void listen(MuxedStream stream, ProtocolRegistry registry) {
    Negotiation n = Negotiation.listener(registry::supports, registry.protocols());
    stream.setHandler(
        new StreamNegotiator(
            stream,
            n,
            p -> registry.find(p).orElseThrow(() -> new NoProtocolException("unregistered " + p)),
            new CompletableFuture<>()));
  }

  @Override
  public void onData(MuxedStream stream, ByteBuf data) {
    if (negotiation.selected() != null) {
      return;
    }
    if (buffer.readableBytes() + data.readableBytes() > MAX_BUFFERED) {
      fail(
          stream,
          new org.rhizome.sync.FrameTooLongException(
              "negotiation backlog", buffer.readableBytes() + data.readableBytes(), MAX_BUFFERED));
      return;
    }
    buffer.writeBytes(data);
    try {
      String message;
      while (negotiation.selected() == null && (message = MultistreamCodec.read(buffer)) != null) {
        negotiation.receive(message);
        flush(stream);
      }
    } catch (Libp2pException e) {
      fail(stream, e);
      return;
    }
    String selected = negotiation.selected();
    if (selected != null) {
      select(stream, selected);
    }
  }

  private void select(MuxedStream stream, String protocol) {
    timeout.cancel(false);
    if (stream instanceof NegotiableStream aware) {
      aware.protocol(protocol);
    }
    StreamHandler handler;
    try {
      handler = factories.apply(protocol).create(stream);
    } catch (RuntimeException e) {
      fail(stream, e);
      return;
    }
    stream.setHandler(handler);
    if (buffer.isReadable()) {
      handler.onData(stream, buffer);
    }
    buffer.release();
    result.complete(stream);
    if (remoteClosed) {
      handler.onRemoteClose(stream);
    }
  }

  @Override
  public void onRemoteClose(MuxedStream stream) {
    remoteClosed = true;
    if (negotiation.selected() == null) {
      fail(stream, new Libp2pException("stream closed during protocol negotiation"));
    }
  }

  @Override
  public void onReset(MuxedStream stream) {
    timeout.cancel(false);
    if (buffer.refCnt() > 0) {
      buffer.release();
    }
    result.completeExceptionally(new Libp2pException("stream reset during protocol negotiation"));
  }

  private void flush(MuxedStream stream) {
    ByteBuf out =
        NegotiationWriter.drain(negotiation, io.netty.buffer.PooledByteBufAllocator.DEFAULT);
    if (out.isReadable()) {
      stream.write(out);
    } else {
      out.release();
    }
  }

  private void fail(MuxedStream stream, Throwable cause) {
    result.completeExceptionally(cause);
    stream.reset();
  }

  @Nullable String selected() {
    return negotiation.selected();
  }
}
