package org.rhizome.graph.change;

import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextOpCodec;

/**
 * The plaintext of a sealed op (decision 0008): the ops of one change on one private node, in the
 * same form the change format gives them, and the change as a replica sees it once opened.
 *
 * <pre>
 * varint nOps (≥1), ops: u8 kind, string soul, string field, then
 *   kind 1 (set field): value | kind 2 (text edit): varint length + TextOpCodec author-form bytes
 * </pre>
 */
public final class SealedOps {
  private SealedOps() {}

  /** Encodes {@code ops}, made by {@code author}. */
  public static byte[] encode(ActorId author, List<Op> ops) {
    ByteWriter out = new ByteWriter(64 + 64 * ops.size());
    out.writeVarint(ops.size());
    for (Op op : ops) {
      if (op instanceof Op.SetField set) {
        out.writeByte(ChangeCodec.OP_SET_FIELD);
        out.writeString(set.soul().value());
        out.writeString(set.field());
        ValueCodec.write(out, set.value());
      } else {
        Op.TextEdit edit = (Op.TextEdit) op;
        byte[] text = TextOpCodec.encodeBy(author, edit.ops());
        out.writeByte(ChangeCodec.OP_TEXT_EDIT);
        out.writeString(edit.soul().value());
        out.writeString(edit.field());
        out.writeVarint(text.length);
        out.writeBytes(text);
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes what {@link #encode} made.
   *
   * @throws MalformedChangeException when the bytes are not a well-formed list of ops
   */
  public static List<Op> decode(ActorId author, byte[] bytes) throws MalformedChangeException {
    try {
      ByteReader in = new ByteReader(bytes);
      int n = (int) in.readVarint("op count", 1, ChangeCodec.MAX_OPS);
      List<Op> ops = new ArrayList<>(Math.min(n, 256));
      for (int i = 0; i < n; i++) {
        int kind = in.readByte("op kind");
        String soul = in.readString("soul", Soul.MAX_LENGTH);
        String field = in.readString("field", FieldNames.MAX_BYTES);
        if (!Soul.isValid(soul) || !FieldNames.isValid(field)) {
          throw new DecodeException("invalid soul or field in sealed op " + i);
        }
        if (kind == ChangeCodec.OP_SET_FIELD) {
          ops.add(new Op.SetField(new Soul(soul), field, ValueCodec.read(in)));
        } else if (kind == ChangeCodec.OP_TEXT_EDIT) {
          int len = (int) in.readVarint("text ops length", 1, ChangeCodec.MAX_CHANGE_BYTES);
          try {
            ops.add(
                new Op.TextEdit(
                    new Soul(soul),
                    field,
                    TextOpCodec.decodeBy(author, in.readBytes(len, "text ops"))));
          } catch (MalformedTextException e) {
            throw new DecodeException("sealed text edit " + i + ": " + e.getMessage());
          }
        } else {
          throw new DecodeException("unknown op kind " + kind);
        }
      }
      in.expectEnd("sealed ops");
      return ops;
    } catch (DecodeException | IllegalArgumentException e) {
      throw new MalformedChangeException(e.getMessage());
    }
  }

  /**
   * The signed change {@code signed} as a replica sees it: with {@code visible} in place of its
   * signed ops (the sealed ones opened or left out). Bytes, hash and signature stay the signed
   * change's.
   */
  public static Change seenAs(Change signed, List<Op> visible) {
    return new Change(signed, visible);
  }
}
