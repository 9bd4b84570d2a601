package org.rhizome.graph.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.ActorId;

/**
 * The canonical bytes of a batch of text ops, as stored in a change. Format version 1:
 *
 * <pre>
 * u8 version = 1
 * u8 author: 0 = every actor is listed | 1 = actor index 0 is the batch's author, named by the
 *    container (the change that carries the batch) and not listed; every op is the author's
 * varint nListed (mode 0: 1..1024, mode 1: 0..1023), nListed × 32 B actor   in order of first use, each used
 * varint nOps (1..1048576)
 * op: u8 kind | varint actor index | varint seq
 *     kind 1 insert: ref originLeft | ref originRight | varint byte length + UTF-8 text (≥ 1 code point)
 *     kind 2 delete: ref target (never none) | varint length (≥ 1)
 * ref: varint 0 = none (start or end of the document), else actor index + 1, then varint seq
 * </pre>
 *
 * Varints are minimal unsigned LEB128. The decoder is strict: what it accepts re-encodes to the
 * same bytes; counts are checked against the bytes left before anything is allocated. Use the
 * author form ({@link #encodeBy}) inside a signed change: it saves the 32-byte key the change
 * already names.
 */
public final class TextOpCodec {
  public static final int VERSION = 1;
  public static final int MAX_ACTORS = 1024;
  public static final int MAX_OPS = 1 << 20;
  public static final int MAX_TEXT_BYTES = 4 << 20;
  private static final int KIND_INSERT = 1;
  private static final int KIND_DELETE = 2;

  private TextOpCodec() {}

  /**
   * Encodes a non-empty batch of ops, every actor listed. @throws IllegalArgumentException if empty
   * or too big
   */
  public static byte[] encode(List<TextOp> ops) {
    return write(null, ops);
  }

  /**
   * Encodes a non-empty batch of ops all made by {@code author}, without listing the author's key.
   *
   * @throws IllegalArgumentException if the batch is empty, too big, or has an op by another actor
   */
  public static byte[] encodeBy(ActorId author, List<TextOp> ops) {
    for (TextOp op : ops) {
      if (!op.id().actor().equals(author)) {
        throw new IllegalArgumentException(
            "op " + op.id() + " is not by the batch's author " + author);
      }
    }
    return write(author, ops);
  }

  private static byte[] write(@Nullable ActorId author, List<TextOp> ops) {
    if (ops.isEmpty() || ops.size() > MAX_OPS) {
      throw new IllegalArgumentException(
          "a text op batch holds 1.." + MAX_OPS + " ops, got " + ops.size());
    }
    Map<ActorId, Integer> index = new HashMap<>();
    List<ActorId> actors = new ArrayList<>();
    if (author != null) {
      actorIndex(author, index, actors);
    }
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
    int implicit = author == null ? 0 : 1;
    ByteWriter out = new ByteWriter(body.length() + 8 + 32 * actors.size());
    out.writeByte(VERSION).writeByte(implicit).writeVarint(actors.size() - implicit);
    byte[] key = new byte[ActorId.LENGTH];
    for (ActorId a : actors.subList(implicit, actors.size())) {
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

  private static void writeId(
      ByteWriter w, TextId id, Map<ActorId, Integer> index, List<ActorId> actors) {
    w.writeVarint(actorIndex(id.actor(), index, actors)).writeVarint(id.seq());
  }

  private static void writeRef(
      ByteWriter w, @Nullable TextId ref, Map<ActorId, Integer> index, List<ActorId> actors) {
    if (ref == null) {
      w.writeVarint(0);
    } else {
      w.writeVarint(actorIndex(ref.actor(), index, actors) + 1L).writeVarint(ref.seq());
    }
  }

  /**
   * Decodes a batch written by {@link #encode}. @throws MalformedTextException unless exactly a
   * valid batch
   */
  public static List<TextOp> decode(byte[] bytes) throws MalformedTextException {
    return decode(null, bytes);
  }

  /**
   * Decodes a batch written by {@link #encodeBy} for {@code author}.
   *
   * @throws MalformedTextException unless exactly a valid author-form batch of that author's ops
   */
  public static List<TextOp> decodeBy(ActorId author, byte[] bytes) throws MalformedTextException {
    return decode(author, bytes);
  }

  private static List<TextOp> decode(@Nullable ActorId author, byte[] bytes)
      throws MalformedTextException {
    try {
      return read(author, new ByteReader(bytes));
    } catch (DecodeException e) {
      throw new MalformedTextException("text ops: " + e.getMessage());
    }
  }

  private static List<TextOp> read(@Nullable ActorId author, ByteReader r) throws DecodeException {
    int version = r.readByte("version");
    if (version != VERSION) {
      throw new DecodeException("unknown version " + version);
    }
    int implicit = r.readByte("author mode");
    if (implicit != (author == null ? 0 : 1)) {
      throw new DecodeException(
          implicit > 1
              ? "unknown author mode " + implicit
              : implicit == 1
                  ? "batch names its author implicitly; decode it with the author"
                  : "batch lists every actor; decode it without an author");
    }
    int nListed = (int) r.readVarint("actor count", 1 - implicit, MAX_ACTORS - implicit);
    if ((long) nListed * ActorId.LENGTH > r.remaining()) {
      throw new DecodeException("truncated actor table");
    }
    int nActors = nListed + implicit;
    ActorId[] actors = new ActorId[nActors];
    if (author != null) {
      actors[0] = author;
    }
    for (int i = implicit; i < nActors; i++) {
      actors[i] = ActorId.of(r.readBytes(ActorId.LENGTH, "actor"));
      for (int j = 0; j < i; j++) {
        if (actors[j].equals(actors[i])) {
          throw new DecodeException("actor " + i + " repeats actor " + j);
        }
      }
    }
    int nOps = (int) r.readVarint("op count", 1, MAX_OPS);
    if (nOps > r.remaining() / 4) {
      throw new DecodeException(
          "op count " + nOps + " exceeds what " + r.remaining() + " bytes can hold");
    }
    UseOrder used = new UseOrder(actors, implicit);
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
        checkAuthor(author, id);
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
        checkAuthor(author, id);
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

  private static void checkAuthor(@Nullable ActorId author, TextId id) throws DecodeException {
    if (author != null && !author.equals(id.actor())) {
      throw new DecodeException("op " + id + " is not by the batch's author");
    }
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

    UseOrder(ActorId[] actors, int preUsed) {
      this.actors = actors;
      this.count = preUsed;
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
