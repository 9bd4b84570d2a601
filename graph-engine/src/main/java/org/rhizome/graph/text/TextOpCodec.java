package org.rhizome.graph.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ActorId;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;

/**
 * The canonical bytes of a batch of text ops, as stored in a change. Format version 1:
 *
 * <pre>
 * u8 version = 1
 * varint nActors (1..1024), nActors × 32 B actor     in order of first use, each used
 * varint nOps (1..1048576)
 * op: u8 kind | varint actor index | varint seq
 *     kind 1 insert: ref originLeft | ref originRight | varint byte length + UTF-8 text (≥ 1 code point)
 *     kind 2 delete: ref target (never none) | varint length (≥ 1)
 * ref: varint 0 = none (start or end of the document), else actor index + 1, then varint seq
 * </pre>
 *
 * Varints are minimal unsigned LEB128. The decoder is strict: what it accepts re-encodes to the same
 * bytes; counts are checked against the bytes left before anything is allocated.
 */
public final class TextOpCodec {
  public static final int VERSION = 1;
  public static final int MAX_ACTORS = 1024;
  public static final int MAX_OPS = 1 << 20;
  public static final int MAX_TEXT_BYTES = 4 << 20;
  private static final int KIND_INSERT = 1;
  private static final int KIND_DELETE = 2;

  private TextOpCodec() {}

  /** Encodes a non-empty batch of ops. @throws IllegalArgumentException if the batch is empty or too big */
  public static byte[] encode(List<TextOp> ops) {
    if (ops.isEmpty() || ops.size() > MAX_OPS) {
      throw new IllegalArgumentException("a text op batch holds 1.." + MAX_OPS + " ops, got " + ops.size());
    }
    Map<ActorId, Integer> index = new HashMap<>();
    List<ActorId> actors = new ArrayList<>();
    ByteWriter body = new ByteWriter(16 * ops.size());
    for (TextOp op : ops) {
      if (op instanceof InsertOp ins) {
        body.writeByte(KIND_INSERT);
        writeId(body, ins.id(), index, actors);
        writeRef(body, ins.originLeft(), index, actors);
        writeRef(body, ins.originRight(), index, actors);
        body.writeString(ins.text());
      } else if (op instanceof DeleteOp del) {
        body.writeByte(KIND_DELETE);
        writeId(body, del.id(), index, actors);
        writeRef(body, del.target(), index, actors);
        body.writeVarint(del.length());
      }
    }
    if (actors.size() > MAX_ACTORS) {
      throw new IllegalArgumentException("a text op batch names at most " + MAX_ACTORS + " actors");
    }
    ByteWriter out = new ByteWriter(body.length() + 8 + 32 * actors.size());
    out.writeByte(VERSION).writeVarint(actors.size());
    byte[] key = new byte[ActorId.LENGTH];
    for (ActorId a : actors) {
      a.copyTo(key, 0);
      out.writeBytes(key);
    }
    out.writeVarint(ops.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static int actorIndex(ActorId actor, Map<ActorId, Integer> index, List<ActorId> actors) {
    Integer i = index.get(actor);
    if (i == null) {
      i = actors.size();
      index.put(actor, i);
      actors.add(actor);
    }
    return i;
  }

  private static void writeId(ByteWriter w, TextId id, Map<ActorId, Integer> index, List<ActorId> actors) {
    w.writeVarint(actorIndex(id.actor(), index, actors)).writeVarint(id.seq());
  }

  private static void writeRef(ByteWriter w, @Nullable TextId ref, Map<ActorId, Integer> index, List<ActorId> actors) {
    if (ref == null) {
      w.writeVarint(0);
    } else {
      w.writeVarint(actorIndex(ref.actor(), index, actors) + 1L).writeVarint(ref.seq());
    }
  }

  /** Decodes a batch. @throws MalformedTextException if the bytes are not exactly a valid batch */
  public static List<TextOp> decode(byte[] bytes) throws MalformedTextException {
    try {
      return read(new ByteReader(bytes));
    } catch (DecodeException e) {
      throw new MalformedTextException("text ops: " + e.getMessage());
    }
  }

  private static List<TextOp> read(ByteReader r) throws DecodeException {
    int version = r.readByte("version");
    if (version != VERSION) {
      throw new DecodeException("unknown version " + version);
    }
    int nActors = (int) r.readVarint("actor count", 1, MAX_ACTORS);
    if ((long) nActors * ActorId.LENGTH > r.remaining()) {
      throw new DecodeException("truncated actor table");
    }
    ActorId[] actors = new ActorId[nActors];
    for (int i = 0; i < nActors; i++) {
      actors[i] = ActorId.of(r.readBytes(ActorId.LENGTH, "actor"));
      for (int j = 0; j < i; j++) {
        if (actors[j].equals(actors[i])) {
          throw new DecodeException("actor " + i + " repeats actor " + j);
        }
      }
    }
    int nOps = (int) r.readVarint("op count", 1, MAX_OPS);
    if (nOps > r.remaining() / 4) {
      throw new DecodeException("op count " + nOps + " exceeds what " + r.remaining() + " bytes can hold");
    }
    UseOrder used = new UseOrder(actors);
    List<TextOp> ops = new ArrayList<>(nOps);
    for (int i = 0; i < nOps; i++) {
      int kind = r.readByte("op kind");
      if (kind == KIND_INSERT) {
        TextId id = readId(r, used);
        TextId left = readRef(r, used);
        TextId right = readRef(r, used);
        String text = r.readString("insert text", MAX_TEXT_BYTES);
        int n = text.codePointCount(0, text.length());
        if (n == 0 || id.seq() + n - 1 > TextId.MAX_SEQ) {
          throw new DecodeException("insert " + id + " has " + n + " code points");
        }
        ops.add(new InsertOp(id, left, right, text));
      } else if (kind == KIND_DELETE) {
        TextId id = readId(r, used);
        TextId target = readRef(r, used);
        if (target == null) {
          throw new DecodeException("delete " + id + " has no target");
        }
        int len = (int) r.readVarint("delete length", 1, TextId.MAX_SEQ + 1);
        if (id.seq() + len - 1 > TextId.MAX_SEQ || target.seq() + len - 1 > TextId.MAX_SEQ) {
          throw new DecodeException("delete " + id + " runs past the largest seq");
        }
        ops.add(new DeleteOp(id, target, len));
      } else {
        throw new DecodeException("unknown op kind " + kind);
      }
    }
    r.expectEnd("text ops");
    if (used.count != nActors) {
      throw new DecodeException("actor table lists " + nActors + " actors, ops use " + used.count);
    }
    return ops;
  }

  private static TextId readId(ByteReader r, UseOrder used) throws DecodeException {
    ActorId actor = used.use((int) r.readVarint("actor index", 0, MAX_ACTORS - 1));
    return new TextId(actor, r.readVarint("seq", 0, TextId.MAX_SEQ));
  }

  private static @Nullable TextId readRef(ByteReader r, UseOrder used) throws DecodeException {
    long ref = r.readVarint("ref", 0, MAX_ACTORS);
    if (ref == 0) {
      return null;
    }
    ActorId actor = used.use((int) ref - 1);
    return new TextId(actor, r.readVarint("ref seq", 0, TextId.MAX_SEQ));
  }

  /** Checks that actors are first used in table order, which makes the table canonical. */
  private static final class UseOrder {
    final ActorId[] actors;
    int count;

    UseOrder(ActorId[] actors) {
      this.actors = actors;
    }

    ActorId use(int i) throws DecodeException {
      if (i > count || i >= actors.length) {
        throw new DecodeException("actor index " + i + " used before actor " + count);
      }
      if (i == count) {
        count++;
      }
      return actors[i];
    }
  }
}
