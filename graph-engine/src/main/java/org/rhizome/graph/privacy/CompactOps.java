package org.rhizome.graph.privacy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.FieldNames;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextOpCodec;

/**
 * The plaintext of a sealed payload of version 2 (decision 0012): the ops of one change, each soul
 * written once. Version 1 ({@link org.rhizome.graph.change.SealedOps}) wrote every op's soul — a
 * private note's is ~95 characters — and a private note's sealed op inside an epoch's seal as
 * base64 in base64.
 *
 * <pre>
 * varint nSouls, nSouls × string soul   (0: every op is on the note the payload is sealed for)
 * varint nOps (≥1), ops: u8 kind, [varint soul index, when nSouls &gt; 0], string field, then
 *   kind 1 (set field): value | kind 2 (text edit): varint length + TextOpCodec author-form bytes
 *   | kind 3 (field "sealed" set to a sealed payload): varint length + the payload's bytes
 * </pre>
 */
public final class CompactOps {
  private static final int SET_FIELD = 1;
  private static final int TEXT_EDIT = 2;
  private static final int SEALED = 3;

  private CompactOps() {}

  /**
   * Encodes {@code ops}, made by {@code author}; with {@code note} given, every op must be on it
   * and no soul is written.
   */
  public static byte[] encode(ActorId author, @Nullable Soul note, List<Op> ops) {
    Map<Soul, Integer> souls = new LinkedHashMap<>();
    if (note == null) {
      for (Op op : ops) {
        souls.putIfAbsent(op.soul(), souls.size());
      }
    } else {
      for (Op op : ops) {
        if (!op.soul().equals(note)) {
          throw new IllegalArgumentException(op.soul() + " is not " + note);
        }
      }
    }
    ByteWriter out = new ByteWriter(64 + 48 * ops.size());
    out.writeVarint(souls.size());
    for (Soul s : souls.keySet()) {
      out.writeString(s.value());
    }
    out.writeVarint(ops.size());
    for (Op op : ops) {
      byte[] sealed = op instanceof Op.SetField set ? sealedBytes(set) : null;
      out.writeByte(sealed != null ? SEALED : op instanceof Op.SetField ? SET_FIELD : TEXT_EDIT);
      if (note == null) {
        out.writeVarint(souls.get(op.soul()));
      }
      out.writeString(op.field());
      if (sealed != null) {
        out.writeVarint(sealed.length);
        out.writeBytes(sealed);
      } else if (op instanceof Op.SetField set) {
        ValueCodec.write(out, set.value());
      } else {
        byte[] text = TextOpCodec.encodeBy(author, ((Op.TextEdit) op).ops());
        out.writeVarint(text.length);
        out.writeBytes(text);
      }
    }
    return out.toByteArray();
  }

  /** A sealed payload's bytes, when {@code set} holds one whose base64 is canonical; else null. */
  private static byte @Nullable [] sealedBytes(Op.SetField set) {
    if (!set.field().equals(PrivateSouls.SEALED) || !(set.value() instanceof Value.Str s)) {
      return null;
    }
    try {
      byte[] b = Base64.getDecoder().decode(s.value());
      return Base64.getEncoder().encodeToString(b).equals(s.value()) ? b : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Decodes what {@link #encode} made; {@code note} is the soul of a payload that names none.
   *
   * @throws MalformedChangeException when the bytes are not a well-formed list of ops
   */
  public static List<Op> decode(ActorId author, @Nullable Soul note, byte[] bytes)
      throws MalformedChangeException {
    try {
      ByteReader in = new ByteReader(bytes);
      int nSouls = (int) in.readVarint("soul count", 0, ChangeCodec.MAX_OPS);
      List<Soul> souls = new ArrayList<>(Math.min(nSouls, 256));
      for (int i = 0; i < nSouls; i++) {
        String soul = in.readString("soul", Soul.MAX_LENGTH);
        if (!Soul.isValid(soul)) {
          throw new DecodeException("invalid soul " + i + " in sealed ops");
        }
        souls.add(new Soul(soul));
      }
      if (nSouls == 0 && note == null) {
        throw new DecodeException("sealed ops name no soul");
      }
      int n = (int) in.readVarint("op count", 1, ChangeCodec.MAX_OPS);
      List<Op> ops = new ArrayList<>(Math.min(n, 256));
      for (int i = 0; i < n; i++) {
        int kind = in.readByte("op kind");
        Soul soul = nSouls == 0 ? note : souls.get((int) in.readVarint("soul", 0, nSouls - 1));
        String field = in.readString("field", FieldNames.MAX_BYTES);
        if (!FieldNames.isValid(field)) {
          throw new DecodeException("invalid field in sealed op " + i);
        }
        switch (kind) {
          case SET_FIELD -> ops.add(new Op.SetField(soul, field, ValueCodec.read(in)));
          case TEXT_EDIT -> {
            int len = (int) in.readVarint("text ops length", 1, ChangeCodec.MAX_CHANGE_BYTES);
            try {
              ops.add(
                  new Op.TextEdit(
                      soul, field, TextOpCodec.decodeBy(author, in.readBytes(len, "text ops"))));
            } catch (MalformedTextException e) {
              throw new DecodeException("sealed text edit " + i + ": " + e.getMessage());
            }
          }
          case SEALED -> {
            if (!field.equals(PrivateSouls.SEALED)) {
              throw new DecodeException("a sealed payload in field " + field);
            }
            int len = (int) in.readVarint("sealed length", 1, ChangeCodec.MAX_CHANGE_BYTES);
            byte[] payload = in.readBytes(len, "sealed payload");
            ops.add(
                new Op.SetField(
                    soul, field, Value.of(Base64.getEncoder().encodeToString(payload))));
          }
          default -> throw new DecodeException("unknown op kind " + kind);
        }
      }
      in.expectEnd("sealed ops");
      return ops;
    } catch (DecodeException | IllegalArgumentException e) {
      throw new MalformedChangeException(e.getMessage());
    }
  }
}
