package org.rhizome.sync.replication.catchup;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.sync.varint.MalformedVarintException;
import org.rhizome.sync.varint.Varint;

/**
 * The catch-up messages' bytes: a type byte, then unsigned varints and length-prefixed byte strings
 * (docs/sync.md). The decoder is strict: unknown types, limits exceeded, trailing bytes and vectors
 * out of order are all {@link MalformedSyncMessageException}s.
 */
public final class SyncCodec {
  static final int PULL = 1;
  static final int BATCH = 2;
  static final int ACK = 3;
  static final int END = 4;
  static final int ABORT = 5;

  private SyncCodec() {}

  public static byte[] encode(SyncMessage message) {
    ByteBuf out = Unpooled.buffer(sizeHint(message));
    if (message instanceof SyncMessage.Pull p) {
      out.writeByte(PULL);
      Varint.write(out, p.window());
      Varint.write(out, p.maxBatchBytes());
      Varint.write(out, p.have().size());
      p.have()
          .asMap()
          .forEach(
              (actor, seq) -> {
                out.writeBytes(actor.toBytes());
                Varint.write(out, seq);
              });
    } else if (message instanceof SyncMessage.Batch b) {
      out.writeByte(BATCH);
      Varint.write(out, b.number());
      Varint.write(out, b.changes().size());
      for (byte[] change : b.changes()) {
        Varint.write(out, change.length);
        out.writeBytes(change);
      }
    } else if (message instanceof SyncMessage.Ack a) {
      out.writeByte(ACK);
      Varint.write(out, a.number());
    } else if (message instanceof SyncMessage.End e) {
      out.writeByte(END);
      Varint.write(out, e.changes());
    } else if (message instanceof SyncMessage.Abort a) {
      out.writeByte(ABORT);
      byte[] reason = truncate(a.reason());
      Varint.write(out, reason.length);
      out.writeBytes(reason);
    }
    if (out.hasArray()
        && out.arrayOffset() == 0
        && out.readerIndex() == 0
        && out.array().length == out.readableBytes()) {
      return out.array(); // sized exactly (a batch): no second copy
    }
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    return bytes;
  }

  /** A batch's exact size (its stored change bytes are copied once, into a buffer that fits). */
  private static int sizeHint(SyncMessage message) {
    if (message instanceof SyncMessage.Batch b) {
      long size = 1 + Varint.size(b.number()) + Varint.size(b.changes().size());
      for (byte[] change : b.changes()) {
        size += Varint.size(change.length) + change.length;
      }
      return (int) Math.min(size, Integer.MAX_VALUE - 8);
    }
    return 64;
  }

  /**
   * @throws MalformedSyncMessageException for anything but one well-formed message
   */
  public static SyncMessage decode(byte[] bytes) {
    if (bytes.length > CatchUpProtocol.MAX_MESSAGE_BYTES) {
      throw new MalformedSyncMessageException(
          "a catch-up message of " + bytes.length + " bytes is over the limit");
    }
    ByteBuf in = Unpooled.wrappedBuffer(bytes);
    if (!in.isReadable()) {
      throw new MalformedSyncMessageException("an empty catch-up message");
    }
    int type = in.readUnsignedByte();
    SyncMessage message;
    try {
      message =
          switch (type) {
            case PULL -> {
              int window = (int) bounded(in, CatchUpProtocol.MAX_WINDOW, "window");
              int maxBatch = (int) bounded(in, CatchUpProtocol.MAX_MESSAGE_BYTES, "batch size");
              if (window < 1 || maxBatch < 1) {
                throw new MalformedSyncMessageException(
                    "a pull's window and batch size must be positive");
              }
              int n = (int) bounded(in, CatchUpProtocol.MAX_VECTOR_ENTRIES, "vector entries");
              TreeMap<ActorId, Long> seqs = new TreeMap<>();
              ActorId previous = null;
              for (int i = 0; i < n; i++) {
                if (in.readableBytes() < ActorId.LENGTH) {
                  throw new MalformedSyncMessageException("a version vector entry is cut short");
                }
                byte[] key = new byte[ActorId.LENGTH];
                in.readBytes(key);
                ActorId actor = ActorId.of(key);
                if (previous != null && previous.compareTo(actor) >= 0) {
                  throw new MalformedSyncMessageException(
                      "version vector entries must be in ascending actor order");
                }
                previous = actor;
                long seq = varint(in);
                if (seq < 1) {
                  throw new MalformedSyncMessageException("a version vector entry has seq 0");
                }
                seqs.put(actor, seq);
              }
              yield new SyncMessage.Pull(VersionVector.of(seqs), window, maxBatch);
            }
            case BATCH -> {
              long number = varint(in);
              int n = (int) bounded(in, CatchUpProtocol.MAX_BATCH_CHANGES, "changes in a batch");
              List<byte[]> changes = new ArrayList<>(n);
              for (int i = 0; i < n; i++) {
                int length =
                    lengthOfWhatFollows(in, CatchUpProtocol.MAX_MESSAGE_BYTES, "change length");
                byte[] change = new byte[length];
                in.readBytes(change);
                changes.add(change);
              }
              if (number < 1) {
                throw new MalformedSyncMessageException("batches are numbered from 1");
              }
              yield new SyncMessage.Batch(number, changes);
            }
            case ACK -> new SyncMessage.Ack(varint(in));
            case END -> new SyncMessage.End(varint(in));
            case ABORT -> {
              int length =
                  lengthOfWhatFollows(in, CatchUpProtocol.MAX_REASON_BYTES, "reason length");
              byte[] reason = new byte[length];
              in.readBytes(reason);
              yield new SyncMessage.Abort(new String(reason, StandardCharsets.UTF_8));
            }
            default ->
                throw new MalformedSyncMessageException("unknown catch-up message type " + type);
          };
    } catch (MalformedVarintException e) {
      throw new MalformedSyncMessageException(
          "a catch-up message holds a malformed number: " + e.getMessage());
    }
    if (in.isReadable()) {
      throw new MalformedSyncMessageException(
          in.readableBytes() + " bytes follow a complete catch-up message");
    }
    return message;
  }

  private static long varint(ByteBuf in) {
    long v = Varint.read(in, Varint.MAX_BYTES);
    if (v == Varint.INCOMPLETE) {
      throw new MalformedSyncMessageException("a catch-up message is cut short");
    }
    return v;
  }

  private static long bounded(ByteBuf in, long max, String what) {
    long v = varint(in);
    if (v > max) {
      throw new MalformedSyncMessageException(what + " " + v + " is over the limit of " + max);
    }
    return v;
  }

  /** A length prefix, checked against its limit and against the bytes that actually follow it. */
  private static int lengthOfWhatFollows(ByteBuf in, int max, String what) {
    long length = bounded(in, max, what);
    if (length > in.readableBytes()) {
      throw new MalformedSyncMessageException(
          what + " " + length + " runs past the end of the message");
    }
    return (int) length;
  }

  private static byte[] truncate(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= CatchUpProtocol.MAX_REASON_BYTES) {
      return bytes;
    }
    String cut = reason;
    while (cut.getBytes(StandardCharsets.UTF_8).length > CatchUpProtocol.MAX_REASON_BYTES) {
      cut = cut.substring(0, cut.length() - Math.max(1, cut.length() / 8));
    }
    return cut.getBytes(StandardCharsets.UTF_8);
  }
}
