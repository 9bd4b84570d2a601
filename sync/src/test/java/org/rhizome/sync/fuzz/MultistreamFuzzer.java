package org.rhizome.sync.fuzz;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.rhizome.sync.multistream.internal.MultistreamCodec;
import org.rhizome.sync.multistream.internal.MultistreamHandler;
import org.rhizome.sync.multistream.internal.Negotiation;

/** A dialer's multistream-select negotiation, as our listener reads it. */
public final class MultistreamFuzzer {
  private MultistreamFuzzer() {}

  public static List<byte[]> seeds() {
    return List.of(
        ByteBufUtil.getBytes(
            MultistreamCodec.encode(Unpooled.buffer().alloc(), "/multistream/1.0.0", "/noise")));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    ChannelFuzzing.feed(
        new EmbeddedChannel(
            new MultistreamHandler(
                Negotiation.listener(p -> true, List.of("/noise")), (c, p) -> {})),
        data);
  }
}
