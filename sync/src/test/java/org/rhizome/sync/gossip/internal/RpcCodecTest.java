package org.rhizome.sync.gossip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.gossip.InvalidMessageException;
import org.rhizome.sync.peer.PrivateKey;

class RpcCodecTest {
  private final PrivateKey author = PrivateKey.generate(new SecureRandom());

  @Test
  void rpcRoundTripsWithEveryControlKind() {
    RawMessage m = MessageSigner.sign(author, "t", "hi".getBytes(StandardCharsets.UTF_8), 42);
    Rpc rpc =
        new Rpc(
            List.of(new Rpc.SubOpts(true, "t"), new Rpc.SubOpts(false, "u")),
            List.of(m),
            new Rpc.Control(
                List.of(new Rpc.IHave("t", List.of(new byte[] {1, 2}))),
                List.of(new byte[] {3}),
                List.of("t"),
                List.of(new Rpc.Prune("u", 60))));
    Rpc back = RpcCodec.decode(RpcCodec.encode(rpc));
    assertThat(back.subscriptions()).isEqualTo(rpc.subscriptions());
    assertThat(back.messages()).hasSize(1);
    assertThat(MessageSigner.verify(back.messages().get(0))).isEqualTo(author.publicKey());
    assertThat(back.control().ihave().get(0).messageIds().get(0)).containsExactly(1, 2);
    assertThat(back.control().iwant().get(0)).containsExactly(3);
    assertThat(back.control().graft()).containsExactly("t");
    assertThat(back.control().prune()).containsExactly(new Rpc.Prune("u", 60));
  }

  @Test
  void signedMessageHasStrictSignFields() {
    RawMessage m = MessageSigner.sign(author, "t", new byte[0], 7);
    assertThat(m.seqno()).hasSize(8).containsExactly(0, 0, 0, 0, 0, 0, 0, 7);
    assertThat(m.from()).isEqualTo(author.peerId().toBytes());
    assertThat(m.key()).isEqualTo(author.publicKey().marshal());
    assertThat(m.signature()).hasSize(64);
    assertThat(MessageSigner.messageId(author.publicKey(), m.seqno())).hasSize(44);
  }

  @Test
  void verifyRejectsTamperedData() {
    RawMessage m = MessageSigner.sign(author, "t", "hi".getBytes(StandardCharsets.UTF_8), 1);
    RawMessage tampered =
        new RawMessage(
            m.from(),
            "ho".getBytes(StandardCharsets.UTF_8),
            m.seqno(),
            m.topic(),
            m.signature(),
            m.key());
    assertThatThrownBy(() -> MessageSigner.verify(tampered))
        .isInstanceOf(InvalidMessageException.class);
  }

  @Test
  void verifyTreatsAbsentAndEmptyDataAsDifferentSignedBytes() {
    RawMessage m = MessageSigner.sign(author, "t", new byte[0], 1);
    RawMessage absent =
        new RawMessage(m.from(), null, m.seqno(), m.topic(), m.signature(), m.key());
    assertThatThrownBy(() -> MessageSigner.verify(absent))
        .isInstanceOf(InvalidMessageException.class);
  }

  @Test
  void verifyRejectsShortSeqnoMissingSignatureAndForeignKey() {
    RawMessage m = MessageSigner.sign(author, "t", new byte[1], 1);
    assertThatThrownBy(
            () ->
                MessageSigner.verify(
                    new RawMessage(
                        m.from(), m.data(), new byte[7], m.topic(), m.signature(), m.key())))
        .isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(
            () ->
                MessageSigner.verify(
                    new RawMessage(m.from(), m.data(), m.seqno(), m.topic(), null, m.key())))
        .isInstanceOf(InvalidMessageException.class);
    byte[] otherKey = PrivateKey.generate(new SecureRandom()).publicKey().marshal();
    assertThatThrownBy(
            () ->
                MessageSigner.verify(
                    new RawMessage(
                        m.from(), m.data(), m.seqno(), m.topic(), m.signature(), otherKey)))
        .isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(
            () ->
                MessageSigner.verify(
                    new RawMessage(
                        new byte[] {9}, m.data(), m.seqno(), m.topic(), m.signature(), null)))
        .isInstanceOf(InvalidMessageException.class);
  }

  @Test
  void verifyAcceptsMessageWithoutKeyWhenFromInlinesIt() {
    RawMessage m = MessageSigner.sign(author, "t", new byte[1], 1);
    assertThat(
            MessageSigner.verify(
                new RawMessage(m.from(), m.data(), m.seqno(), m.topic(), m.signature(), null)))
        .isEqualTo(author.publicKey());
  }

  @Test
  void decodeRejectsTooManySubscriptions() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream o = CodedOutputStream.newInstance(bytes);
    for (int i = 0; i <= RpcCodec.MAX_ENTRIES; i++) {
      o.writeByteArray(1, new byte[] {0x08, 0x01});
    }
    o.flush();
    assertThatThrownBy(() -> RpcCodec.decode(bytes.toByteArray()))
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void decodeRejectsGarbageAndTruncation() {
    assertThatThrownBy(() -> RpcCodec.decode(new byte[] {0x12, 0x7f, 0x01}))
        .isInstanceOf(ProtocolViolationException.class);
    assertThatThrownBy(
            () ->
                RpcCodec.decode(
                    new byte[] {
                      (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff
                    }))
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void decodeRejectsOverlongTopic() {
    Rpc rpc =
        new Rpc(
            List.of(new Rpc.SubOpts(true, "x".repeat(RpcCodec.MAX_TOPIC_LENGTH + 1))),
            List.of(),
            Rpc.Control.EMPTY);
    assertThatThrownBy(() -> RpcCodec.decode(RpcCodec.encode(rpc)))
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void randomAndMutatedRpcsOnlyThrowTypedExceptions() {
    java.util.Random random = new java.util.Random(11);
    byte[] valid =
        RpcCodec.encode(
            new Rpc(
                List.of(new Rpc.SubOpts(true, "t")),
                List.of(MessageSigner.sign(author, "t", new byte[] {1, 2}, 3)),
                new Rpc.Control(
                    List.of(new Rpc.IHave("t", List.of(new byte[] {1}))),
                    List.of(new byte[] {2}),
                    List.of("t"),
                    List.of(new Rpc.Prune("t", 5)))));
    for (int i = 0; i < 3000; i++) {
      byte[] input = valid.clone();
      if (i % 2 == 0) {
        input = new byte[random.nextInt(80)];
        random.nextBytes(input);
      } else {
        for (int j = 0; j < 3; j++) {
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
      }
      try {
        Rpc rpc = RpcCodec.decode(input);
        for (RawMessage m : rpc.messages()) {
          try {
            MessageSigner.verify(m);
          } catch (InvalidMessageException e) {
            // refused
          }
        }
      } catch (ProtocolViolationException e) {
        // refused
      }
    }
  }

  @Test
  void idontwantRoundTripsAndIsBounded() {
    Rpc rpc =
        Rpc.control(
            new Rpc.Control(
                List.of(), List.of(), List.of(), List.of(), List.of(new byte[] {4, 5})));
    assertThat(RpcCodec.decode(RpcCodec.encode(rpc)).control().idontwant().get(0))
        .containsExactly(4, 5);
    List<byte[]> many = new java.util.ArrayList<>();
    for (int i = 0; i <= RpcCodec.MAX_IDONTWANT; i++) {
      many.add(new byte[] {1});
    }
    byte[] tooMany =
        RpcCodec.encode(
            Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(), List.of(), many)));
    assertThatThrownBy(() -> RpcCodec.decode(tooMany))
        .isInstanceOf(ProtocolViolationException.class);
  }
}
