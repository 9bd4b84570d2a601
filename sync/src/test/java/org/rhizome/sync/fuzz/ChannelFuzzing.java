package org.rhizome.sync.fuzz;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.rhizome.sync.Libp2pException;

/**
 * Feeds bytes to a pipeline as a peer would; what a handler may throw is a typed refusal, possibly
 * inside Netty's DecoderException.
 */
final class ChannelFuzzing {
  private ChannelFuzzing() {}

  static void feed(EmbeddedChannel channel, byte[] data) {
    try {
      refusalsAllowed(
          () -> {
            // In two reads, as a stream may split them, so the decoders' partial-frame paths run
            // too.
            int half = data.length / 2;
            channel.writeInbound(Unpooled.wrappedBuffer(data, 0, half));
            // A handler may close the connection on the first read (a Yamux GoAway does); a real
            // transport then reads no more, where the test channel would throw
            // ClosedChannelException.
            if (channel.isOpen()) {
              channel.writeInbound(Unpooled.wrappedBuffer(data, half, data.length - half));
            }
            channel.checkException();
          });
    } finally {
      // Closing rethrows what the pipeline recorded after the first refusal: the same rule applies.
      refusalsAllowed(channel::finishAndReleaseAll);
    }
  }

  private static void refusalsAllowed(Runnable step) {
    try {
      step.run();
    } catch (Libp2pException expected) {
      // a typed refusal
    } catch (DecoderException e) {
      if (!(e.getCause() instanceof Libp2pException)) {
        throw e;
      }
    }
  }
}
