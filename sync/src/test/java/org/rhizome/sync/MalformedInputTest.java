package org.rhizome.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.multistream.internal.MultistreamHandler;
import org.rhizome.sync.multistream.internal.Negotiation;
import org.rhizome.sync.noise.internal.NoiseHandshakeHandler;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.peer.PublicKey;

/**
 * Random and mutated bytes fed to every decoder that reads from the network, with a fixed seed:
 * each must either accept the input or refuse it with one of our typed exceptions — never an
 * IndexOutOfBounds, NullPointer or similar. Set -Dmalformed.rounds for a longer run.
 */
class MalformedInputTest {
  private static final int ROUNDS = Integer.getInteger("malformed.rounds", 3000);
  private static final Random RANDOM = new Random(20261124);

  private static byte[] randomBytes(int max) {
    byte[] b = new byte[RANDOM.nextInt(max + 1)];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Mutates a valid sample: flips bytes, truncates, or appends junk. */
  private static byte[] mutate(byte[] valid) {
    byte[] b = valid.clone();
    switch (RANDOM.nextInt(3)) {
      case 0 -> {
        for (int i = 0; i < 1 + RANDOM.nextInt(4) && b.length > 0; i++) {
          b[RANDOM.nextInt(b.length)] = (byte) RANDOM.nextInt(256);
        }
      }
      case 1 -> b = java.util.Arrays.copyOf(b, RANDOM.nextInt(b.length + 1));
      default -> {
        byte[] junk = randomBytes(16);
        byte[] out = java.util.Arrays.copyOf(b, b.length + junk.length);
        System.arraycopy(junk, 0, out, b.length, junk.length);
        b = out;
      }
    }
    return b;
  }

  private static void check(String what, List<byte[]> samples, Consumer<byte[]> decoder) {
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input =
          RANDOM.nextBoolean() || samples.isEmpty()
              ? randomBytes(64)
              : mutate(samples.get(RANDOM.nextInt(samples.size())));
      try {
        decoder.accept(input);
      } catch (Libp2pException e) {
        // refused with a typed exception: fine
      } catch (DecoderException e) {
        assertThat(e.getCause())
            .as(what + ": decoder failure cause")
            .isInstanceOf(Libp2pException.class);
      } catch (RuntimeException e) {
        throw new AssertionError(
            what + " threw " + e + " for " + java.util.HexFormat.of().formatHex(input), e);
      }
    }
  }

  @Test
  void multiaddrAndPeerIdDecodersOnlyThrowTypedExceptions() {
    PeerId id = PrivateKey.generate(new SecureRandom()).peerId();
    List<byte[]> samples =
        List.of(
            Multiaddr.parse("/ip4/1.2.3.4/tcp/5/p2p/" + id).toBytes(),
            Multiaddr.parse("/ip6/::1/tcp/1").toBytes(),
            Multiaddr.parse("/dns4/a.b/tcp/1").toBytes());
    check("multiaddr", samples, Multiaddr::fromBytes);
    check("peer id", List.of(id.toBytes()), PeerId::fromBytes);
    check(
        "public key",
        List.of(PrivateKey.generate(new SecureRandom()).publicKey().marshal()),
        PublicKey::unmarshal);
    check(
        "private key",
        List.of(PrivateKey.generate(new SecureRandom()).marshal()),
        PrivateKey::unmarshal);
  }

  @Test
  void multistreamListenerOnlyThrowsTypedExceptions() {
    var header =
        io.netty.buffer.ByteBufUtil.getBytes(
            org.rhizome.sync.multistream.internal.MultistreamCodec.encode(
                Unpooled.buffer().alloc(), "/multistream/1.0.0", "/noise"));
    check(
        "multistream",
        List.of(header),
        bytes -> {
          EmbeddedChannel ch =
              new EmbeddedChannel(
                  new MultistreamHandler(
                      Negotiation.listener(p -> true, List.of("/noise")), (c, p) -> {}));
          try {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes));
          } finally {
            ch.finishAndReleaseAll();
          }
        });
  }

  @Test
  void noiseResponderOnlyThrowsTypedExceptions() {
    PrivateKey key = PrivateKey.generate(new SecureRandom());
    EmbeddedChannel initiator =
        new EmbeddedChannel(
            new NoiseHandshakeHandler(
                true,
                PrivateKey.generate(new SecureRandom()),
                new byte[32],
                null,
                List.of(),
                new SecureRandom(),
                (c, s) -> {}));
    byte[] msg1 = io.netty.buffer.ByteBufUtil.getBytes(initiator.readOutbound());
    check(
        "noise",
        List.of(msg1),
        bytes -> {
          EmbeddedChannel ch =
              new EmbeddedChannel(
                  new NoiseHandshakeHandler(
                      false, key, new byte[32], null, List.of(), new SecureRandom(), (c, s) -> {}));
          try {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes));
          } finally {
            ch.finishAndReleaseAll();
          }
        });
  }

  @Test
  void yamuxSessionOnlyThrowsTypedExceptions() {
    List<byte[]> samples = new ArrayList<>();
    samples.add(new byte[] {0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0});
    samples.add(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3});
    samples.add(new byte[] {0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7});
    PeerId peer = PrivateKey.generate(new SecureRandom()).peerId();
    check(
        "yamux",
        samples,
        bytes -> {
          EmbeddedChannel ch = new EmbeddedChannel();
          ch.pipeline().addLast("start", new io.netty.channel.ChannelInboundHandlerAdapter());
          new org.rhizome.sync.yamux.internal.YamuxSession(
                  true,
                  peer,
                  Multiaddr.parse("/ip4/127.0.0.1/tcp/1"),
                  256 * 1024,
                  new org.rhizome.sync.yamux.internal.YamuxSession.Listener() {
                    @Override
                    public void onInboundStream(org.rhizome.sync.transport.MuxedStream stream) {
                      stream.setHandler((s, d) -> {});
                    }

                    @Override
                    public void onSessionClosed() {}
                  })
              .install(ch.pipeline(), "start");
          try {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes));
          } finally {
            ch.finishAndReleaseAll();
          }
        });
  }
}
