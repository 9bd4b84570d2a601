package org.rhizome.sync.ping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.transport.internal.Connection;
import org.rhizome.sync.transport.internal.ProtocolRegistry;

/**
 * {@code /ipfs/ping/1.0.0} (specs/ping/ping.md): the dialer sends 32 random bytes and the listener
 * echoes them. We echo whatever arrives, also after the remote's FIN (js half-closes right after
 * its 32 bytes), and reset an inbound ping stream after 10 s or 1 MiB. Thread-safe.
 */
public final class PingService {
  public static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";
  static final int PAYLOAD_LENGTH = 32;
  static final long STREAM_LIFETIME_SECONDS = 10;
  static final long MAX_ECHOED_BYTES = 1024 * 1024;

  private final SecureRandom random;

  public PingService(SecureRandom random) {
    this.random = random;
  }

  public void register(ProtocolRegistry registry) {
    registry.register(
        PROTOCOL_ID,
        stream -> {
          var deadline =
              stream.eventLoop().schedule(stream::reset, STREAM_LIFETIME_SECONDS, TimeUnit.SECONDS);
          return new StreamHandler() {
            private long echoed;

            @Override
            public void onData(MuxedStream s, ByteBuf data) {
              echoed += data.readableBytes();
              if (echoed > MAX_ECHOED_BYTES) {
                s.reset();
                return;
              }
              s.write(data.retainedDuplicate());
            }

            @Override
            public void onRemoteClose(MuxedStream s) {
              deadline.cancel(false);
              s.closeWrite();
            }

            @Override
            public void onReset(MuxedStream s) {
              deadline.cancel(false);
            }
          };
        });
  }

  /** One round trip on a new stream; fails after {@code timeout}. */
  public CompletableFuture<Duration> ping(Connection connection, Duration timeout) {
    byte[] payload = new byte[PAYLOAD_LENGTH];
    random.nextBytes(payload);
    CompletableFuture<Duration> result = new CompletableFuture<>();
    long[] sentAt = new long[1];
    connection
        .openStream(
            List.of(PROTOCOL_ID),
            stream ->
                new StreamHandler() {
                  private final ByteBuf received = Unpooled.buffer(PAYLOAD_LENGTH);

                  {
                    sentAt[0] = System.nanoTime();
                    stream.write(Unpooled.wrappedBuffer(payload.clone()));
                  }

                  @Override
                  public void onData(MuxedStream s, ByteBuf data) {
                    int n =
                        Math.min(data.readableBytes(), PAYLOAD_LENGTH - received.readableBytes());
                    received.writeBytes(data, data.readerIndex(), n);
                    if (received.readableBytes() == PAYLOAD_LENGTH) {
                      long rtt = System.nanoTime() - sentAt[0];
                      if (Arrays.equals(ByteBufUtil.getBytes(received), payload)) {
                        result.complete(Duration.ofNanos(rtt));
                      } else {
                        result.completeExceptionally(
                            new ProtocolViolationException("ping echo differs from what was sent"));
                      }
                      s.closeWrite();
                    }
                  }

                  @Override
                  public void onRemoteClose(MuxedStream s) {
                    result.completeExceptionally(
                        new Libp2pException("ping stream closed before the echo"));
                    s.closeWrite();
                  }

                  @Override
                  public void onReset(MuxedStream s) {
                    result.completeExceptionally(new Libp2pException("ping stream reset"));
                  }
                })
        .whenComplete(
            (s, e) -> {
              if (e != null) {
                result.completeExceptionally(e);
              }
            });
    connection
        .eventLoop()
        .schedule(
            () -> result.completeExceptionally(new Libp2pException("ping timed out")),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    return result;
  }
}
