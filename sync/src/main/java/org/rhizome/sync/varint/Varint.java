package org.rhizome.sync.varint;

import io.netty.buffer.ByteBuf;

/**
 * Unsigned LEB128 varints as the multiformats unsigned-varint spec defines them
 * (https://github.com/multiformats/unsigned-varint): at most 9 bytes, minimal encoding only.
 */
public final class Varint {
  /** The spec's maximum: 9 bytes carry 63 bits. */
  public static final int MAX_BYTES = 9;

  /** Returned by {@link #read(ByteBuf, int)} when the buffer ends inside the varint. */
  public static final long INCOMPLETE = -1;

  private Varint() {}

  public static int size(long value) {
    int n = 1;
    while ((value >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  public static void write(ByteBuf out, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative varint " + value);
    }
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    int i = 0;
    while ((value & ~0x7FL) != 0) {
      out[i++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[i] = (byte) value;
    return out;
  }

  /**
   * Reads a varint of at most {@code maxBytes} bytes. On success the reader index moves past it;
   * when the buffer ends first, nothing is consumed and {@link #INCOMPLETE} is returned.
   *
   * @throws MalformedVarintException if it is longer than {@code maxBytes} or not minimal
   */
  public static long read(ByteBuf in, int maxBytes) {
    int start = in.readerIndex();
    int available = in.readableBytes();
    long value = 0;
    for (int i = 0; i < maxBytes; i++) {
      if (i >= available) {
        return INCOMPLETE;
      }
      int b = in.getUnsignedByte(start + i);
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new MalformedVarintException("varint is not minimally encoded");
        }
        in.readerIndex(start + i + 1);
        return value;
      }
    }
    throw new MalformedVarintException("varint longer than " + maxBytes + " bytes");
  }

  /** Decodes a varint at {@code offset} of {@code bytes}; returns {value, length}. */
  public static long[] decode(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (offset + i >= bytes.length) {
        throw new MalformedVarintException("truncated varint");
      }
      int b = bytes[offset + i] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new MalformedVarintException("varint is not minimally encoded");
        }
        return new long[] {value, i + 1};
      }
    }
    throw new MalformedVarintException("varint longer than " + MAX_BYTES + " bytes");
  }
}
