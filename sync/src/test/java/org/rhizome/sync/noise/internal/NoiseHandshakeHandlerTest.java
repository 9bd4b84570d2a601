package org.rhizome.sync.noise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.noise.NoiseException;
import org.rhizome.sync.noise.PeerIdMismatchException;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;

class NoiseHandshakeHandlerTest {
  private final SecureRandom random = new SecureRandom();
  private final PrivateKey alice = PrivateKey.generate(random);
  private final PrivateKey bob = PrivateKey.generate(random);

  private byte[] staticKey() {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return k;
  }

  private EmbeddedChannel side(
      boolean initiator,
      PrivateKey id,
      @Nullable PeerId expected,
      List<String> muxers,
      AtomicReference<SecureSession> out) {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline()
        .addLast(
            "hs",
            new NoiseHandshakeHandler(
                initiator, id, staticKey(), expected, muxers, random, (ctx, s) -> out.set(s)));
    return ch;
  }

  /** Moves bytes between the two channels until neither has anything to say. */
  private static void shuttle(EmbeddedChannel a, EmbeddedChannel b) {
    for (int i = 0; i < 10; i++) {
      boolean moved = false;
      for (Object o; (o = a.readOutbound()) != null; moved = true) {
        b.writeInbound(o);
      }
      for (Object o; (o = b.readOutbound()) != null; moved = true) {
        a.writeInbound(o);
      }
      if (!moved) {
        return;
      }
    }
  }

  @Test
  void handshakeProvesBothIdentitiesAndCarriesMuxers() {
    AtomicReference<SecureSession> atAlice = new AtomicReference<>();
    AtomicReference<SecureSession> atBob = new AtomicReference<>();
    EmbeddedChannel a = side(true, alice, bob.peerId(), List.of("/yamux/1.0.0"), atAlice);
    EmbeddedChannel b = side(false, bob, null, List.of(), atBob);
    shuttle(a, b);
    assertThat(atAlice.get().remotePeer()).isEqualTo(bob.peerId());
    assertThat(atAlice.get().remoteMuxers()).isEmpty();
    assertThat(atBob.get().remotePeer()).isEqualTo(alice.peerId());
    assertThat(atBob.get().remoteMuxers()).containsExactly("/yamux/1.0.0");
    assertThat(a.pipeline().get(NoiseTransportCodec.class)).isNotNull();
    assertThat(a.pipeline().get(NoiseHandshakeHandler.class)).isNull();

    a.writeOutbound(Unpooled.copiedBuffer("over noise", StandardCharsets.UTF_8));
    b.writeInbound((Object) a.readOutbound());
    ByteBuf got = b.readInbound();
    assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo("over noise");
    got.release();
  }

  @Test
  void largeWritesAreCutIntoMaximalFrames() {
    AtomicReference<SecureSession> s1 = new AtomicReference<>();
    AtomicReference<SecureSession> s2 = new AtomicReference<>();
    EmbeddedChannel a = side(true, alice, null, List.of(), s1);
    EmbeddedChannel b = side(false, bob, null, List.of(), s2);
    shuttle(a, b);
    byte[] big = new byte[200_000];
    random.nextBytes(big);
    a.writeOutbound(Unpooled.wrappedBuffer(big));
    ByteBuf wire = a.readOutbound();
    assertThat(wire.getUnsignedShort(0)).isEqualTo(65535);
    b.writeInbound(wire);
    ByteBuf joined = Unpooled.buffer();
    for (ByteBuf part; (part = b.readInbound()) != null; ) {
      joined.writeBytes(part);
      part.release();
    }
    assertThat(io.netty.buffer.ByteBufUtil.getBytes(joined)).isEqualTo(big);
  }

  @Test
  void dialerRefusesUnexpectedPeer() {
    PeerId someoneElse = PrivateKey.generate(random).peerId();
    EmbeddedChannel a = side(true, alice, someoneElse, List.of(), new AtomicReference<>());
    EmbeddedChannel b = side(false, bob, null, List.of(), new AtomicReference<>());
    b.writeInbound((Object) a.readOutbound());
    assertThatThrownBy(() -> a.writeInbound((Object) b.readOutbound()))
        .hasRootCauseInstanceOf(PeerIdMismatchException.class);
  }

  @Test
  void tamperedTransportFrameFailsAuthentication() {
    EmbeddedChannel a = side(true, alice, null, List.of(), new AtomicReference<>());
    EmbeddedChannel b = side(false, bob, null, List.of(), new AtomicReference<>());
    shuttle(a, b);
    a.writeOutbound(Unpooled.copiedBuffer("x", StandardCharsets.UTF_8));
    ByteBuf wire = a.readOutbound();
    wire.setByte(3, wire.getByte(3) ^ 1);
    assertThatThrownBy(() -> b.writeInbound(wire)).hasRootCauseInstanceOf(NoiseException.class);
  }

  @Test
  void truncatedFirstMessageIsRefused() {
    EmbeddedChannel b = side(false, bob, null, List.of(), new AtomicReference<>());
    ByteBuf msg = Unpooled.buffer().writeShort(5).writeBytes(new byte[5]);
    assertThatThrownBy(() -> b.writeInbound(msg)).hasRootCauseInstanceOf(NoiseException.class);
  }

  @Test
  void frameShorterThanTagIsRefused() {
    EmbeddedChannel a = side(true, alice, null, List.of(), new AtomicReference<>());
    EmbeddedChannel b = side(false, bob, null, List.of(), new AtomicReference<>());
    shuttle(a, b);
    ByteBuf bad = Unpooled.buffer().writeShort(3).writeBytes(new byte[3]);
    assertThatThrownBy(() -> b.writeInbound(bad)).hasRootCauseInstanceOf(NoiseException.class);
  }

  @Test
  void payloadSignedForAnotherStaticKeyIsRefused() {
    // A responder that signs a static key other than the one it uses.
    EmbeddedChannel a = side(true, alice, null, List.of(), new AtomicReference<>());
    ByteBuf msg1 = a.readOutbound();
    msg1.skipBytes(2);
    byte[] m1 = io.netty.buffer.ByteBufUtil.getBytes(msg1);
    HandshakeState responder = new HandshakeState(false, staticKey(), random);
    responder.readMessage(m1);
    byte[] wrongStatic = new byte[32];
    byte[] sig = bob.sign(NoisePayload.signedBytes(wrongStatic));
    byte[] m2 =
        responder.writeMessage(
            new NoisePayload(bob.publicKey().marshal(), sig, List.of()).encode());
    ByteBuf framed = Unpooled.buffer().writeShort(m2.length).writeBytes(m2);
    assertThatThrownBy(() -> a.writeInbound(framed))
        .hasRootCauseInstanceOf(NoiseException.class)
        .hasRootCauseMessage("remote identity signature does not cover its Noise static key");
  }

  @Test
  void payloadWithoutKeyIsRefused() {
    assertThatThrownBy(() -> NoisePayload.decode(new byte[] {0x12, 0x01, 0x00}))
        .isInstanceOf(NoiseException.class);
    assertThatThrownBy(() -> NoisePayload.decode(new byte[] {0x0a, 0x7f}))
        .isInstanceOf(NoiseException.class);
  }
}
