package org.rhizome.sync.multistream.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.FrameTooLongException;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.varint.Varint;

/**
 * multistream-select 1.0 messages (specs/connections/README.md#protocol-negotiation): a varint
 * length, UTF-8 text, {@code \n}; the length counts the newline.
 */
public final class MultistreamCodec {
  public static final String PROTOCOL_ID = "/multistream/1.0.0";
  public static final String NOT_AVAILABLE = "na";

  /** js-libp2p's MAX_PROTOCOL_LENGTH; also the longest message we read. */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  private static final int MAX_LENGTH_PREFIX_BYTES = 2;

  private MultistreamCodec() {}

  public static void write(ByteBuf out, String message) {
    byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
    if (text.length > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("protocol id too long: " + message.length());
    }
    Varint.write(out, text.length);
    out.writeBytes(text);
  }

  public static ByteBuf encode(ByteBufAllocator alloc, String... messages) {
    ByteBuf out = alloc.buffer();
    for (String m : messages) {
      write(out, m);
    }
    return out;
  }

  /**
   * Reads one message, or returns null (consuming nothing) when the buffer holds only part of it.
   *
   * @throws ProtocolViolationException on a bad length, an over-long message or a missing newline
   */
  public static @Nullable String read(ByteBuf in) {
    int start = in.readerIndex();
    long length = Varint.read(in, MAX_LENGTH_PREFIX_BYTES);
    if (length == Varint.INCOMPLETE) {
      if (in.readableBytes() >= MAX_LENGTH_PREFIX_BYTES) {
        throw new FrameTooLongException(
            "multistream message", in.readableBytes(), MAX_MESSAGE_LENGTH);
      }
      return null;
    }
    if (length > MAX_MESSAGE_LENGTH) {
      throw new FrameTooLongException("multistream message", length, MAX_MESSAGE_LENGTH);
    }
    if (length == 0) {
      throw new ProtocolViolationException("empty multistream message");
    }
    if (in.readableBytes() < length) {
      in.readerIndex(start);
      return null;
    }
    if (in.getByte(in.readerIndex() + (int) length - 1) != '\n') {
      throw new ProtocolViolationException("multistream message without trailing newline");
    }
    String text = in.toString(in.readerIndex(), (int) length - 1, StandardCharsets.UTF_8);
    in.skipBytes((int) length);
    return text.stripTrailing();
  }
}
