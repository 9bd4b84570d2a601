package org.rhizome.sync.varint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class VarintTest {
  @Test
  void roundTripsSpecExamples() {
    long[] values = {0, 1, 127, 128, 255, 300, 16384, (1L << 63) - 1};
    for (long v : values) {
      ByteBuf buf = Unpooled.buffer();
      Varint.write(buf, v);
      assertThat(buf.readableBytes()).isEqualTo(Varint.size(v));
      assertThat(Varint.read(buf, Varint.MAX_BYTES)).isEqualTo(v);
      assertThat(Varint.decode(Varint.encode(v), 0)[0]).isEqualTo(v);
    }
    assertThat(Varint.encode(300)).containsExactly(0xac, 0x02);
  }

  @Test
  void readReturnsIncompleteWithoutConsuming() {
    ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0xac});
    assertThat(Varint.read(buf, 9)).isEqualTo(Varint.INCOMPLETE);
    assertThat(buf.readerIndex()).isZero();
  }

  @Test
  void readRejectsOverlongAndNonMinimal() {
    ByteBuf tooLong = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, 1});
    assertThatThrownBy(() -> Varint.read(tooLong, 2)).isInstanceOf(MalformedVarintException.class);
    ByteBuf nonMinimal = Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0});
    assertThatThrownBy(() -> Varint.read(nonMinimal, 9))
        .isInstanceOf(MalformedVarintException.class);
    assertThatThrownBy(() -> Varint.decode(new byte[] {(byte) 0xff}, 0))
        .isInstanceOf(MalformedVarintException.class);
  }
}
