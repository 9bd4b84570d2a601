package org.rhizome.sync.fuzz;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.List;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.yamux.internal.YamuxSession;

/** Yamux frames from a connected peer: window updates, data, pings, go-aways, in any order. */
public final class YamuxFuzzer {
  private static final PeerId PEER = PrivateKey.generate(new SecureRandom()).peerId();
  private static final Multiaddr ADDR = Multiaddr.parse("/ip4/127.0.0.1/tcp/1");

  private YamuxFuzzer() {}

  public static List<byte[]> seeds() {
    return List.of(
        new byte[] {0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0},
        new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3},
        new byte[] {0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7},
        new byte[] {0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  }

  public static void fuzzerTestOneInput(byte[] data) {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.pipeline().addLast("start", new ChannelInboundHandlerAdapter());
    new YamuxSession(
            true,
            PEER,
            ADDR,
            256 * 1024,
            new YamuxSession.Listener() {
              @Override
              public void onInboundStream(MuxedStream stream) {
                stream.setHandler((s, d) -> {});
              }

              @Override
              public void onSessionClosed() {}
            })
        .install(channel.pipeline(), "start");
    ChannelFuzzing.feed(channel, data);
  }
}
