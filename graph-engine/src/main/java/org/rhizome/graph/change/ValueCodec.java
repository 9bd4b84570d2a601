package org.rhizome.graph.change;

import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;

/**
 * Canonical bytes of a {@link Value}: a tag byte, then the payload. These bytes are what the change
 * format carries, what the store keeps, and what breaks ties between equal clocks.
 *
 * <pre>
 * 0 null | 1 false | 2 true | 3 number: 8 bytes IEEE 754 big-endian (finite, never -0)
 * 4 string: varint length + UTF-8 | 5 link: varint length + soul (ASCII)
 * </pre>
 */
public final class ValueCodec {
  /**
   * The largest string value a change may carry, in UTF-8 bytes (a note body of about a thousand
   * pages). It bounds one change's own bytes, not what merging makes of them.
   */
  public static final int MAX_STRING_BYTES = 1 << 20;

  /**
   * The largest string value read back from the store. A text field's stored value is the merge of
   * every replica's edits, so it can outgrow {@link #MAX_STRING_BYTES} (two devices each writing
   * 700 KB into one note while apart): what a merge produced must always read back.
   */
  public static final int MAX_STORED_STRING_BYTES = 256 << 20;

  static final int NULL = 0;
  static final int FALSE = 1;
  static final int TRUE = 2;
  static final int NUMBER = 3;
  static final int STRING = 4;
  static final int LINK = 5;

  private ValueCodec() {}

  public static void write(ByteWriter out, Value value) {
    if (value instanceof Value.Bool b) {
      out.writeByte(b.value() ? TRUE : FALSE);
    } else if (value instanceof Value.Num n) {
      out.writeByte(NUMBER).writeLong(Double.doubleToRawLongBits(n.value()));
    } else if (value instanceof Value.Str s) {
      out.writeByte(STRING).writeString(s.value());
    } else if (value instanceof Value.Link l) {
      out.writeByte(LINK).writeString(l.target().value());
    } else {
      out.writeByte(NULL);
    }
  }

  public static byte[] encode(Value value) {
    ByteWriter out = new ByteWriter(value instanceof Value.Str s ? s.value().length() + 8 : 16);
    write(out, value);
    return out.toByteArray();
  }

  /** Reads a value as a change carries it (strings up to {@link #MAX_STRING_BYTES}). */
  public static Value read(ByteReader in) throws DecodeException {
    return read(in, MAX_STRING_BYTES);
  }

  private static Value read(ByteReader in, int maxStringBytes) throws DecodeException {
    int tag = in.readByte("value tag");
    switch (tag) {
      case NULL:
        return Value.NULL;
      case FALSE:
        return new Value.Bool(false);
      case TRUE:
        return new Value.Bool(true);
      case NUMBER:
        {
          double d = Double.longBitsToDouble(in.readLong("number"));
          if (!Double.isFinite(d)) {
            throw new DecodeException("number is not finite");
          }
          if (d == 0.0 && Double.doubleToRawLongBits(d) != 0L) {
            throw new DecodeException("non-canonical -0");
          }
          return new Value.Num(d);
        }
      case STRING:
        return new Value.Str(in.readString("string value", maxStringBytes));
      case LINK:
        {
          String soul = in.readString("link", Soul.MAX_LENGTH);
          if (!Soul.isValid(soul)) {
            throw new DecodeException("link to an invalid soul");
          }
          return new Value.Link(new Soul(soul));
        }
      default:
        throw new DecodeException("unknown value tag " + tag);
    }
  }

  /** Decodes a stored (materialised) value: strings up to {@link #MAX_STORED_STRING_BYTES}. */
  public static Value decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    Value v = read(in, MAX_STORED_STRING_BYTES);
    in.expectEnd("value");
    return v;
  }
}
