package org.rhizome.graph.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextOpCodec;

/**
 * The canonical binary form of a change, format version 1 (see docs/INTERNALS.md):
 *
 * <pre>
 * u8 version=1 | workspace 16B | actor 32B | varint seq | prev 32B | varint hlc
 * | varint nDeps, nDeps × (actor 32B, varint seq), actors strictly ascending, never the change's actor
 * | varint nOps (≥1), ops: u8 kind, string soul, string field, then
 *     kind 1 (set field): value | kind 2 (text edit): varint length + TextOpCodec author-form bytes
 * | signature 64B (Ed25519 over every byte before it)
 * </pre>
 *
 * Decoding is strict: every input that {@link #decode} accepts re-encodes to the same bytes.
 */
public final class ChangeCodec {
  public static final int FORMAT_VERSION = 1;

  /** Upper bound of one encoded change. */
  public static final int MAX_CHANGE_BYTES = 4 << 20;

  public static final int MAX_OPS = 10_000;
  public static final int MAX_DEPS = 4_096;

  static final int OP_SET_FIELD = 1;
  static final int OP_TEXT_EDIT = 2;

  private ChangeCodec() {}

  static byte[] encodeUnsigned(ChangeDraft d) {
    ByteWriter out = new ByteWriter(128 + 64 * d.ops().size());
    out.writeByte(FORMAT_VERSION);
    byte[] id = new byte[ActorId.LENGTH];
    byte[] ws = new byte[WorkspaceId.LENGTH];
    d.workspace().copyTo(ws, 0);
    out.writeBytes(ws);
    d.actor().copyTo(id, 0);
    out.writeBytes(id);
    out.writeVarint(d.seq());
    byte[] prev = new byte[ChangeHash.LENGTH];
    d.prev().copyTo(prev, 0);
    out.writeBytes(prev);
    out.writeVarint(d.hlc());
    out.writeVarint(d.deps().size());
    for (Map.Entry<ActorId, Long> dep : d.deps().asMap().entrySet()) {
      dep.getKey().copyTo(id, 0);
      out.writeBytes(id);
      out.writeVarint(dep.getValue());
    }
    out.writeVarint(d.ops().size());
    for (Op op : d.ops()) {
      if (op instanceof Op.SetField set) {
        out.writeByte(OP_SET_FIELD);
        out.writeString(set.soul().value());
        out.writeString(set.field());
        ValueCodec.write(out, set.value());
      } else {
        Op.TextEdit edit = (Op.TextEdit) op;
        byte[] ops = TextOpCodec.encodeBy(d.actor(), edit.ops());
        out.writeByte(OP_TEXT_EDIT);
        out.writeString(edit.soul().value());
        out.writeString(edit.field());
        out.writeVarint(ops.length);
        out.writeBytes(ops);
      }
    }
    if (out.length() + DeviceKey.SIGNATURE_LENGTH > MAX_CHANGE_BYTES) {
      throw new IllegalArgumentException(
          "change of " + out.length() + " bytes is over the limit of " + MAX_CHANGE_BYTES);
    }
    return out.toByteArray();
  }

  /**
   * Parses canonical bytes. Does not verify the signature.
   *
   * @throws MalformedChangeException if the bytes are not a canonical version-1 change or exceed a
   *     limit
   */
  public static Change decode(byte[] bytes) throws MalformedChangeException {
    if (bytes.length > MAX_CHANGE_BYTES) {
      throw MalformedChangeException.tooLarge(bytes.length + " bytes, limit " + MAX_CHANGE_BYTES);
    }
    try {
      ByteReader in =
          new ByteReader(bytes, 0, Math.max(0, bytes.length - DeviceKey.SIGNATURE_LENGTH));
      if (bytes.length < DeviceKey.SIGNATURE_LENGTH) {
        throw new DecodeException("too short to hold a signature");
      }
      int version = in.readByte("format version");
      if (version != FORMAT_VERSION) {
        throw new DecodeException("unknown change format version " + version);
      }
      WorkspaceId workspace = WorkspaceId.of(in.readBytes(WorkspaceId.LENGTH, "workspace"));
      ActorId actor = ActorId.of(in.readBytes(ActorId.LENGTH, "actor"));
      long seq = in.readVarint("seq", 1, Long.MAX_VALUE);
      ChangeHash prev = ChangeHash.of(in.readBytes(ChangeHash.LENGTH, "prev"));
      if ((seq == 1) != prev.equals(Change.NO_PREVIOUS)) {
        throw new DecodeException("seq 1 and only seq 1 has an all-zero previous hash");
      }
      long hlc = in.readVarint("hlc");
      int nDeps = (int) in.readVarint("dep count", 0, MAX_DEPS);
      Map<ActorId, Long> deps = new TreeMap<>();
      ActorId last = null;
      for (int i = 0; i < nDeps; i++) {
        ActorId dep = ActorId.of(in.readBytes(ActorId.LENGTH, "dep actor"));
        if (last != null && dep.compareTo(last) <= 0) {
          throw new DecodeException("deps not strictly ascending");
        }
        if (dep.equals(actor)) {
          throw new DecodeException("a change lists its own actor in deps");
        }
        deps.put(dep, in.readVarint("dep seq", 1, Long.MAX_VALUE));
        last = dep;
      }
      int nOps = (int) in.readVarint("op count", 1, MAX_OPS);
      List<Op> ops = new ArrayList<>(Math.min(nOps, 1024));
      for (int i = 0; i < nOps; i++) {
        int kind = in.readByte("op kind");
        if (kind != OP_SET_FIELD && kind != OP_TEXT_EDIT) {
          throw new DecodeException("unknown op kind " + kind);
        }
        String soul = in.readString("soul", Soul.MAX_LENGTH);
        if (!Soul.isValid(soul)) {
          throw new DecodeException("invalid soul in op " + i);
        }
        String field = in.readString("field", FieldNames.MAX_BYTES);
        if (!FieldNames.isValid(field)) {
          throw new DecodeException("invalid field name in op " + i);
        }
        if (kind == OP_SET_FIELD) {
          ops.add(new Op.SetField(new Soul(soul), field, ValueCodec.read(in)));
        } else {
          int n = (int) in.readVarint("text ops length", 1, MAX_CHANGE_BYTES);
          byte[] textOps = in.readBytes(n, "text ops");
          try {
            ops.add(new Op.TextEdit(new Soul(soul), field, TextOpCodec.decodeBy(actor, textOps)));
          } catch (MalformedTextException e) {
            throw new DecodeException("text edit of op " + i + ": " + e.getMessage());
          }
        }
      }
      in.expectEnd("ops");
      ChangeDraft draft;
      try {
        draft = new ChangeDraft(workspace, actor, seq, prev, hlc, VersionVector.of(deps), ops);
      } catch (IllegalArgumentException e) {
        throw new DecodeException(e.getMessage());
      }
      return new Change(draft, bytes.clone());
    } catch (DecodeException e) {
      if (e.getMessage().contains("out of range") && e.getMessage().contains("length")) {
        throw MalformedChangeException.tooLarge(e.getMessage());
      }
      throw new MalformedChangeException(e.getMessage());
    }
  }
}
