package org.rhizome.sync.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.multistream.internal.MultistreamCodec;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.MuxedStream;

/**
 * The whole upgrade pipeline on an EmbeddedChannel: bad bytes at any stage close the connection.
 */
class ConnectionUpgraderTest {
  private final ConnectionUpgrader upgrader =
      new ConnectionUpgrader(
          PrivateKey.generate(new SecureRandom()),
          null,
          new SecureRandom(),
          1024 * 1024,
          new ConnectionUpgrader.Listener() {
            @Override
            public void onConnection(Connection connection) {}

            @Override
            public void onInboundStream(Connection connection, MuxedStream stream) {}

            @Override
            public void onClosed(Connection connection) {}
          });

  private EmbeddedChannel listener(CompletableFuture<Connection>[] result) {
    EmbeddedChannel ch = new EmbeddedChannel();
    result[0] = upgrader.upgrade(ch, Direction.INBOUND, null);
    return ch;
  }

  @SuppressWarnings("unchecked")
  private static CompletableFuture<Connection>[] holder() {
    return new CompletableFuture[1];
  }

  @Test
  void garbageInsteadOfMultistreamClosesTheConnection() {
    CompletableFuture<Connection>[] result = holder();
    EmbeddedChannel ch = listener(result);
    ch.writeInbound(Unpooled.buffer().writeByte(5).writeBytes("abcde".getBytes()));
    assertThat(ch.isOpen()).isFalse();
    assertThat(result[0]).isCompletedExceptionally();
  }

  @Test
  void aPeerThatStallsIsClosedWhenTheUpgradeTimesOut() {
    CompletableFuture<Connection>[] result = holder();
    EmbeddedChannel ch = listener(result);
    ch.writeInbound(Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n\r\n".getBytes()));
    assertThat(ch.isOpen()).isTrue();
    ch.advanceTimeBy(
        ConnectionUpgrader.UPGRADE_TIMEOUT_SECONDS + 1, java.util.concurrent.TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isFalse();
    assertThat(result[0]).isCompletedExceptionally();
  }

  @Test
  void protocolIdOverTheLimitClosesTheConnection() {
    CompletableFuture<Connection>[] result = holder();
    EmbeddedChannel ch = listener(result);
    ByteBuf b = Unpooled.buffer();
    MultistreamCodec.write(b, MultistreamCodec.PROTOCOL_ID);
    b.writeByte(0xff).writeByte(0x7f);
    ch.writeInbound(b);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void unsupportedSecurityIsRefusedThenGarbageNoiseClosesTheConnection() {
    CompletableFuture<Connection>[] result = holder();
    EmbeddedChannel ch = listener(result);
    ch.writeInbound(
        MultistreamCodec.encode(
            Unpooled.buffer().alloc(), MultistreamCodec.PROTOCOL_ID, "/tls/1.0.0"));
    assertThat(ch.isOpen()).isTrue();
    ch.writeInbound(MultistreamCodec.encode(Unpooled.buffer().alloc(), "/noise"));
    ch.writeInbound(Unpooled.buffer().writeShort(4).writeBytes(new byte[4]));
    assertThat(ch.isOpen()).isFalse();
    assertThat(result[0]).isCompletedExceptionally();
    ch.finishAndReleaseAll();
  }
}
