package org.rhizome.sync.multistream.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/** Turns a negotiation's outbox into bytes, expanding the {@code ls} answer. */
public final class NegotiationWriter {
  private NegotiationWriter() {}

  /** The bytes of every pending message, or an empty buffer. */
  public static ByteBuf drain(Negotiation n, ByteBufAllocator alloc) {
    var messages = n.drainOutbox();
    if (messages.isEmpty()) {
      return Unpooled.EMPTY_BUFFER;
    }
    ByteBuf out = alloc.buffer();
    for (String m : messages) {
      if (m.equals(Negotiation.LS_MARKER)) {
        writeLs(out, n);
      } else {
        MultistreamCodec.write(out, m);
      }
    }
    return out;
  }

  private static void writeLs(ByteBuf out, Negotiation n) {
    ByteBuf body = Unpooled.buffer();
    for (String p : n.advertised()) {
      MultistreamCodec.write(body, p);
    }
    body.writeByte('\n');
    org.rhizome.sync.varint.Varint.write(out, body.readableBytes());
    out.writeBytes(body);
    body.release();
  }
}
