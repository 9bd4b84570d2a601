package org.rhizome.sync.multistream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.FrameTooLongException;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.multistream.NoProtocolException;

class MultistreamHandlerTest {
  private static ByteBuf bytes(String... messages) {
    return MultistreamCodec.encode(Unpooled.buffer().alloc(), messages);
  }

  private static String hex(ByteBuf b) {
    String s = ByteBufUtil.hexDump(b);
    b.release();
    return s;
  }

  @Test
  void dialerPipelinesHeaderAndProposalLikeJs() {
    AtomicReference<String> chosen = new AtomicReference<>();
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.dialer(List.of("/noise")), (c, p) -> chosen.set(p)));
    assertThat(hex(ch.readOutbound()))
        .isEqualTo("132f6d756c746973747265616d2f312e302e300a072f6e6f6973650a");
    ch.writeInbound(bytes("/multistream/1.0.0", "/noise"));
    assertThat(chosen.get()).isEqualTo("/noise");
    assertThat(ch.pipeline().get(MultistreamHandler.class)).isNull();
  }

  @Test
  void listenerWaitsForDialerHeaderThenEchoes() {
    AtomicReference<String> chosen = new AtomicReference<>();
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(
                Negotiation.listener(p -> p.equals("/yamux/1.0.0"), List.of("/yamux/1.0.0")),
                (c, p) -> chosen.set(p)));
    assertThat((Object) ch.readOutbound()).isNull();
    ch.writeInbound(bytes("/multistream/1.0.0", "/mplex/6.7.0"));
    assertThat(hex(ch.readOutbound())).isEqualTo(hex(bytes("/multistream/1.0.0")));
    assertThat(hex(ch.readOutbound())).isEqualTo(hex(bytes("na")));
    ch.writeInbound(bytes("/yamux/1.0.0"));
    assertThat(chosen.get()).isEqualTo("/yamux/1.0.0");
  }

  @Test
  void listenerAnswersLsWithNestedList() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(
                Negotiation.listener(p -> p.equals("/noise"), List.of("/noise")), (c, p) -> {}));
    ch.writeInbound(bytes("/multistream/1.0.0", "ls"));
    ch.readOutbound();
    assertThat(hex(ch.readOutbound()))
        .isEqualTo(
            "0907" + ByteBufUtil.hexDump("/noise\n".getBytes(StandardCharsets.UTF_8)) + "0a");
  }

  @Test
  void bytesAfterNegotiationReachTheNextHandler() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline().addLast(new MultistreamHandler(Negotiation.dialer(List.of("/p")), (c, p) -> {}));
    ch.readOutbound();
    ByteBuf in = bytes("/multistream/1.0.0", "/p");
    in.writeBytes(new byte[] {1, 2, 3});
    ch.writeInbound(in);
    ByteBuf rest = ch.readInbound();
    assertThat(ByteBufUtil.getBytes(rest)).containsExactly(1, 2, 3);
    rest.release();
  }

  @Test
  void dialerFailsWhenEveryProposalIsRefused() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.dialer(List.of("/a", "/b")), (c, p) -> {}));
    assertThatThrownBy(() -> ch.writeInbound(bytes("/multistream/1.0.0", "na", "na")))
        .hasCauseInstanceOf(NoProtocolException.class);
  }

  @Test
  void decoderRejectsMessageOverLimit() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.listener(p -> true, List.of()), (c, p) -> {}));
    assertThatThrownBy(
            () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0x10})))
        .hasCauseInstanceOf(FrameTooLongException.class);
  }

  @Test
  void decoderRejectsThreeByteLengthPrefix() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.listener(p -> true, List.of()), (c, p) -> {}));
    assertThatThrownBy(
            () ->
                ch.writeInbound(
                    Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, (byte) 0x80, 0x01})))
        .hasCauseInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void decoderRejectsMissingNewline() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.listener(p -> true, List.of()), (c, p) -> {}));
    ByteBuf bad = Unpooled.buffer();
    bad.writeByte(3).writeBytes("abc".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> ch.writeInbound(bad))
        .hasCauseInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void listenerRejectsWrongHeader() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.listener(p -> true, List.of()), (c, p) -> {}));
    assertThatThrownBy(() -> ch.writeInbound(bytes("/multistream/2.0.0")))
        .hasCauseInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void listenerStopsAfterTooManyProposals() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamHandler(Negotiation.listener(p -> false, List.of()), (c, p) -> {}));
    ch.writeInbound(bytes("/multistream/1.0.0"));
    String[] many = new String[Negotiation.MAX_PROPOSALS + 1];
    java.util.Arrays.fill(many, "/x");
    assertThatThrownBy(() -> ch.writeInbound(bytes(many)))
        .hasCauseInstanceOf(ProtocolViolationException.class);
  }
}
