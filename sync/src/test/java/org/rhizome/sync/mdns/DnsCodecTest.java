package org.rhizome.sync.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsCodecTest {
  @Test
  void responseRoundTrips() {
    DnsMessage m =
        new DnsMessage(
            0,
            DnsMessage.FLAG_RESPONSE | DnsMessage.FLAG_AUTHORITATIVE,
            List.of(),
            List.of(
                DnsRecord.ptr(MdnsService.SERVICE, "abc." + MdnsService.SERVICE, 120),
                DnsRecord.txt(
                    "abc." + MdnsService.SERVICE,
                    List.of("dnsaddr=/ip4/10.0.0.1/tcp/1".getBytes(StandardCharsets.UTF_8)),
                    120)),
            List.of(),
            List.of());
    ByteBuf buf = Unpooled.buffer();
    DnsCodec.encode(m, buf);
    DnsMessage back = DnsCodec.decode(buf);
    assertThat(back.isResponse()).isTrue();
    assertThat(back.answers().get(0).target()).isEqualTo("abc._p2p._udp.local");
    assertThat(new String(back.answers().get(1).strings().get(0), StandardCharsets.UTF_8))
        .isEqualTo("dnsaddr=/ip4/10.0.0.1/tcp/1");
  }

  @Test
  void compressedNamesAreFollowed() {
    // Query for _p2p._udp.local PTR, then an answer whose name is a pointer to offset 12.
    String hex =
        "000084000000000100000000"
            + "045f703270045f756470056c6f63616c00"
            + "000c0001"
            + "c00c000c0001000000780002c00c";
    ByteBuf buf =
        Unpooled.wrappedBuffer(
            HexFormat.of()
                .parseHex(hex.replace("000084000000000100000000", "000084000001000100000000")));
    DnsMessage m = DnsCodec.decode(buf);
    assertThat(m.answers().get(0).name()).isEqualTo("_p2p._udp.local");
  }

  @Test
  void pointerLoopsAreRefused() {
    ByteBuf buf =
        Unpooled.wrappedBuffer(
            HexFormat.of().parseHex("000000000001000000000000" + "c00c" + "000c0001"));
    assertThatThrownBy(() -> DnsCodec.decode(buf)).isInstanceOf(MalformedDnsException.class);
  }

  @Test
  void truncatedAndOversizedMessagesAreRefused() {
    assertThatThrownBy(() -> DnsCodec.decode(Unpooled.wrappedBuffer(new byte[5])))
        .isInstanceOf(MalformedDnsException.class);
    assertThatThrownBy(
            () ->
                DnsCodec.decode(
                    Unpooled.wrappedBuffer(
                        HexFormat.of().parseHex("000000000001000000000000" + "05616263"))))
        .isInstanceOf(MalformedDnsException.class);
    assertThatThrownBy(
            () ->
                DnsCodec.decode(
                    Unpooled.wrappedBuffer(HexFormat.of().parseHex("0000000001ff000000000000"))))
        .isInstanceOf(MalformedDnsException.class);
    assertThatThrownBy(
            () -> DnsCodec.decode(Unpooled.wrappedBuffer(new byte[DnsCodec.MAX_MESSAGE + 1])))
        .isInstanceOf(MalformedDnsException.class);
  }

  @Test
  void txtStringPastItsRecordIsRefused() {
    String hex =
        "000084000000000100000000" + "0161" + "00" + "00100001" + "00000078" + "0002" + "0561";
    assertThatThrownBy(() -> DnsCodec.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex))))
        .isInstanceOf(MalformedDnsException.class);
  }

  @Test
  void randomAndMutatedDatagramsOnlyThrowTypedExceptions() {
    java.util.Random random = new java.util.Random(13);
    ByteBuf validBuf = Unpooled.buffer();
    DnsCodec.encode(
        new DnsMessage(
            0,
            DnsMessage.FLAG_RESPONSE,
            List.of(new DnsMessage.Question(MdnsService.SERVICE, 12, 1)),
            List.of(
                DnsRecord.ptr(MdnsService.SERVICE, "x." + MdnsService.SERVICE, 120),
                DnsRecord.txt("x." + MdnsService.SERVICE, List.of(new byte[] {'a'}), 120)),
            List.of(),
            List.of()),
        validBuf);
    byte[] valid = io.netty.buffer.ByteBufUtil.getBytes(validBuf);
    for (int i = 0; i < 3000; i++) {
      byte[] input = valid.clone();
      if (i % 2 == 0) {
        input = new byte[random.nextInt(120)];
        random.nextBytes(input);
      } else {
        for (int j = 0; j < 3; j++) {
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
      }
      try {
        DnsCodec.decode(Unpooled.wrappedBuffer(input));
      } catch (MalformedDnsException e) {
        // refused
      }
    }
  }
}
