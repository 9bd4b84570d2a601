package org.rhizome.sync.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.LengthPrefixedFrames;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;

/**
 * One-shot request/response over a stream of our own protocol: the client writes one varint-length-
 * prefixed request and half-closes; the server answers with one length-prefixed response and
 * half-closes. Both sides refuse messages over the limit before buffering them. For exchanges that
 * stream many batches, use {@link Host#openStream} and {@link LengthPrefixedFrames} directly.
 *
 * <p>Thread-safe. The server function runs on the connection's event loop and must return at once;
 * do the work on another executor and complete the stage from there.
 */
public final class RequestResponse {
  private RequestResponse() {}

  /**
   * Serves {@code protocol}: each request's bytes go to {@code handler}, whose answer is sent back.
   */
  public static void serve(
      Host host,
      String protocol,
      int maxRequestBytes,
      Function<Request, CompletionStage<byte[]>> handler) {
    host.handle(
        protocol,
        stream ->
            new OneMessage(
                maxRequestBytes,
                (s, request) -> {
                  CompletionStage<byte[]> answer;
                  try {
                    answer = handler.apply(new Request(s.remotePeer(), request));
                  } catch (RuntimeException e) {
                    s.reset();
                    throw e;
                  }
                  answer.whenComplete(
                      (response, error) -> {
                        if (error != null) {
                          s.reset();
                        } else {
                          s.write(
                              LengthPrefixedFrames.frame(PooledByteBufAllocator.DEFAULT, response));
                          s.closeWrite();
                        }
                      });
                },
                null));
  }

  /**
   * Sends {@code request} to a connected peer and completes with its answer (at most {@code
   * maxResponseBytes}).
   */
  public static CompletableFuture<byte[]> request(
      Host host, PeerId peer, String protocol, byte[] request, int maxResponseBytes) {
    CompletableFuture<byte[]> response = new CompletableFuture<>();
    host.openStream(
            peer,
            List.of(protocol),
            stream -> {
              stream.write(
                  LengthPrefixedFrames.frame(PooledByteBufAllocator.DEFAULT, request.clone()));
              stream.closeWrite();
              return new OneMessage(
                  maxResponseBytes, (s, bytes) -> response.complete(bytes), response);
            })
        .whenComplete(
            (s, e) -> {
              if (e != null) {
                response.completeExceptionally(e);
              }
            });
    return response;
  }

  /** A request as the server sees it. */
  public record Request(PeerId peer, byte[] body) {
    public Request {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** Reads exactly one length-prefixed message, then expects the remote's FIN. */
  private static final class OneMessage implements StreamHandler {
    interface Sink {
      void accept(MuxedStream stream, byte[] message);
    }

    private final LengthPrefixedFrames frames;
    private final Sink sink;
    private final CompletableFuture<byte[]> failure;
    private boolean received;

    OneMessage(int maxBytes, Sink sink, @Nullable CompletableFuture<byte[]> failure) {
      this.frames = new LengthPrefixedFrames(PooledByteBufAllocator.DEFAULT, maxBytes);
      this.sink = sink;
      this.failure = failure == null ? new CompletableFuture<>() : failure;
    }

    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      try {
        frames.add(
            data,
            message -> {
              if (received) {
                throw new ProtocolViolationException(
                    "more than one message on a request/response stream");
              }
              received = true;
              sink.accept(stream, ByteBufUtil.getBytes(message));
            });
      } catch (Libp2pException e) {
        failure.completeExceptionally(e);
        stream.reset();
      }
    }

    @Override
    public void onRemoteClose(MuxedStream stream) {
      frames.release();
      if (!received) {
        failure.completeExceptionally(
            new ProtocolViolationException("stream closed without a message"));
        stream.reset();
      }
    }

    @Override
    public void onReset(MuxedStream stream) {
      frames.release();
      failure.completeExceptionally(new Libp2pException("stream reset"));
    }
  }
}
