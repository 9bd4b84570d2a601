package org.rhizome.sync.fuzz;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.List;
import org.rhizome.sync.noise.internal.NoiseHandshakeHandler;
import org.rhizome.sync.peer.PrivateKey;

/** The first Noise XX handshake message an unknown dialer sends to our responder. */
public final class NoiseFuzzer {
  private static final PrivateKey KEY = PrivateKey.generate(new SecureRandom());

  private NoiseFuzzer() {}

  public static List<byte[]> seeds() {
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
    try {
      return List.of(ByteBufUtil.getBytes(initiator.readOutbound()));
    } finally {
      initiator.finishAndReleaseAll();
    }
  }

  public static void fuzzerTestOneInput(byte[] data) {
    ChannelFuzzing.feed(
        new EmbeddedChannel(
            new NoiseHandshakeHandler(
                false, KEY, new byte[32], null, List.of(), new SecureRandom(), (c, s) -> {})),
        data);
  }
}
