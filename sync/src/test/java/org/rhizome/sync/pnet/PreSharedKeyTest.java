package org.rhizome.sync.pnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PreSharedKeyTest {
  private static final String HEX =
      "0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef";

  @Test
  void parsesKeyFilesWithAnyLineBreaks() {
    PreSharedKey lf = PreSharedKey.parse("/key/swarm/psk/1.0.0/\n/base16/\n" + HEX + "\n");
    assertThat(PreSharedKey.parse("/key/swarm/psk/1.0.0/\r\n/base16/\r\n" + HEX)).isEqualTo(lf);
    assertThat(PreSharedKey.parse("/key/swarm/psk/1.0.0/\r/base16/\r" + HEX)).isEqualTo(lf);
    assertThat(PreSharedKey.parse(lf.format())).isEqualTo(lf);
  }

  @Test
  void parseRejectsBadFiles() {
    assertThatThrownBy(() -> PreSharedKey.parse("/base16/\n" + HEX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PreSharedKey.parse("/key/swarm/psk/1.0.0/\n/base64/\n" + HEX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PreSharedKey.parse("/key/swarm/psk/1.0.0/\n/base16/\n" + HEX.substring(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PreSharedKey.parse("/key/swarm/psk/1.0.0/\n/base16/\n" + HEX.replace('0', 'g')))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringDoesNotLeakTheKey() {
    assertThat(PreSharedKey.parse("/key/swarm/psk/1.0.0/\n/base16/\n" + HEX).toString())
        .doesNotContain("0123");
  }

  @Test
  void twoHandlersWithTheSameKeyRoundTripBytes() {
    PreSharedKey key = PreSharedKey.of(new byte[32]);
    EmbeddedChannel a = new EmbeddedChannel(new PnetHandler(key, new SecureRandom()));
    EmbeddedChannel b = new EmbeddedChannel(new PnetHandler(key, new SecureRandom()));
    ByteBuf nonceA = a.readOutbound();
    ByteBuf nonceB = b.readOutbound();
    assertThat(nonceA.readableBytes()).isEqualTo(24);
    b.writeInbound(nonceA);
    a.writeInbound(nonceB);
    a.writeOutbound(Unpooled.wrappedBuffer("secret bytes".getBytes()));
    ByteBuf wire = a.readOutbound();
    assertThat(ByteBufUtil.getBytes(wire.duplicate())).isNotEqualTo("secret bytes".getBytes());
    b.writeInbound(wire);
    ByteBuf plain = b.readInbound();
    assertThat(plain.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("secret bytes");
    plain.release();
  }

  @Test
  void nonceSplitAcrossReadsIsReassembled() {
    PreSharedKey key = PreSharedKey.of(new byte[32]);
    EmbeddedChannel a = new EmbeddedChannel(new PnetHandler(key, new SecureRandom()));
    EmbeddedChannel b = new EmbeddedChannel(new PnetHandler(key, new SecureRandom()));
    ByteBuf nonceA = a.readOutbound();
    b.readOutbound();
    a.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    ByteBuf data = a.readOutbound();
    b.writeInbound(nonceA.readRetainedSlice(10));
    b.writeInbound(Unpooled.wrappedBuffer(nonceA, data));
    ByteBuf plain = b.readInbound();
    assertThat(ByteBufUtil.getBytes(plain)).containsExactly(1, 2, 3);
    plain.release();
  }
}
