package org.rhizome.graph.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the primitives written by {@link ByteWriter}, strictly: every read is bounds-checked before
 * anything is allocated, varints must be minimal, strings must be well-formed UTF-8. Not
 * thread-safe.
 */
public final class ByteReader {
  private final byte[] buf;
  private int pos;
  private final int end;

  public ByteReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public ByteReader(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  private void need(int n, String what) throws DecodeException {
    if (n < 0 || n > end - pos) {
      throw new DecodeException(
          "truncated: "
              + what
              + " needs "
              + n
              + " bytes at offset "
              + pos
              + ", "
              + (end - pos)
              + " left");
    }
  }

  public int readByte(String what) throws DecodeException {
    need(1, what);
    return buf[pos++] & 0xff;
  }

  public byte[] readBytes(int n, String what) throws DecodeException {
    need(n, what);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  public long readLong(String what) throws DecodeException {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xffL);
    }
    return v;
  }

  /** Unsigned LEB128 of at most 63 bits, minimal length. */
  public long readVarint(String what) throws DecodeException {
    long v = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      int b = readByte(what);
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && shift > 0) {
          throw new DecodeException("non-minimal varint for " + what);
        }
        if (v < 0) {
          throw new DecodeException("varint overflow for " + what);
        }
        return v;
      }
    }
    throw new DecodeException("varint too long for " + what);
  }

  /** A varint that must lie in [min, max]. */
  public long readVarint(String what, long min, long max) throws DecodeException {
    long v = readVarint(what);
    if (v < min || v > max) {
      throw new DecodeException(what + " " + v + " out of range [" + min + ", " + max + "]");
    }
    return v;
  }

  /** A length-prefixed UTF-8 string of at most {@code maxBytes} bytes. */
  public String readString(String what, int maxBytes) throws DecodeException {
    int n = (int) readVarint(what + " length", 0, maxBytes);
    need(n, what);
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, pos, n))
              .toString();
      pos += n;
      return s;
    } catch (CharacterCodingException e) {
      throw new DecodeException("malformed UTF-8 in " + what);
    }
  }

  public void expectEnd(String what) throws DecodeException {
    if (pos != end) {
      throw new DecodeException((end - pos) + " trailing bytes after " + what);
    }
  }
}
