package org.rhizome.sync.mdns;

import io.netty.buffer.Unpooled;
import java.util.List;

/** An mDNS datagram from anyone on the link: decoded or refused as malformed. */
public final class DnsFuzzer {
  private DnsFuzzer() {}

  public static List<byte[]> seeds() {
    // A response with one compressed name: header, question "a.local" PTR IN, no answers.
    return List.of(
        new byte[] {
          0,
          0,
          (byte) 0x84,
          0,
          0,
          1,
          0,
          0,
          0,
          0,
          0,
          0,
          1,
          'a',
          5,
          'l',
          'o',
          'c',
          'a',
          'l',
          0,
          0,
          12,
          0,
          1
        });
  }

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      DnsCodec.decode(Unpooled.wrappedBuffer(data));
    } catch (MalformedDnsException expected) {
      // a typed refusal
    }
  }
}
