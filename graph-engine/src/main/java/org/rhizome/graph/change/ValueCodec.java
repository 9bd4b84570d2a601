package org.rhizome.graph.change;

import org.rhizome.graph.Soul;
import org.rhizome.graph.Value;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;

/**
 * Canonical bytes of a {@link Value}: a tag byte, then the payload. These bytes are what the
 * change format carries, what the store keeps, and what breaks ties between equal clocks.
 *
 * <pre>
 * 0 null | 1 false | 2 true | 3 number: 8 bytes IEEE 754 big-endian (finite, never -0)
 * 4 string: varint length + UTF-8 | 5 link: varint length + soul (ASCII)
 * </pre>
 */
public final class ValueCodec {
  /** The largest string value, in UTF-8 bytes (a note body of about a thousand pages). */
  public static final int MAX_STRING_BYTES = 1 << 20;

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

  public static Value read(ByteReader in) throws DecodeException {
    int tag = in.readByte("value tag");
    switch (tag) {
      case NULL:
        return Value.NULL;
      case FALSE:
        return new Value.Bool(false);
      case TRUE:
        return new Value.Bool(true);
      case NUMBER: {
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
        return new Value.Str(in.readString("string value", MAX_STRING_BYTES));
      case LINK: {
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

  public static Value decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    Value v = read(in);
    in.expectEnd("value");
    return v;
  }
}
