package org.rhizome.graph.text;

import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.ActorId;

/**
 * A whole document as bytes, so that a note opens without replaying its history. Format version 1
 * (all varints minimal unsigned LEB128; "zz" is a zigzag-encoded signed delta):
 *
 * <pre>
 * u8 version = 1
 * u8 compression: 0 = none, 1 = raw DEFLATE
 *    if 1: varint body length, then the deflated body (nothing may follow the deflate stream)
 * body:
 *   varint nActors (≤ 65536), nActors × (32 B actor, varint next seq ≥ 1)   actors strictly ascending
 *   varint nRuns, runs in document order:
 *     varint head = (len - 1) &lt;&lt; 5 | rightMode &lt;&lt; 3 | explicitLeft &lt;&lt; 2 | newActor &lt;&lt; 1 | deleted
 *     [newActor] varint actor index (≠ the previous run's)
 *     zz seq - (end seq of this actor's previous run, or 0)
 *     [explicitLeft] varint 0 = document start, else actor index + 1 and zz seq - run seq;
 *                    otherwise the left origin is the previous run's last character (start for run 0)
 *     rightMode 0: document end | 1: the next run's first character |
 *               2: varint actor index, zz seq - run seq
 *   varint byte length + UTF-8: the visible text, in document order
 * </pre>
 *
 * Version 2 is the same without the final text, for a store that keeps the text beside it. Version
 * 4 is version 2 sealed with a checksum of itself and of the stored text beside it, so that bytes
 * changed at rest (a bad sector, a tool writing into the file) are found when the text is read
 * instead of showing as silently wrong text:
 *
 * <pre>
 * u8 version = 4   (not 3: no single flipped bit turns 4 into 2, which is read unchecked)
 * u32 CRC32C, big-endian, of every byte after it, then of the stored text's bytes (as the store
 *     keeps them: the field's encoded value)
 * then a version-2 snapshot from its compression byte on
 * </pre>
 *
 * Deleted characters keep their ids and origins but not their text. The body is canonical (adjacent
 * runs that continue each other are one run, implicit forms are used whenever they apply), so two
 * replicas holding the same characters encode the same body. The decoder checks every length and
 * count before allocating, refuses trailing bytes, and checks that runs do not overlap, stay below
 * their actor's next seq, and name held origins on the correct side.
 */
public final class TextSnapshotCodec {
  public static final int VERSION = 1;

  /**
   * First byte of a version-1 snapshot written without its text (see {@link #encodeWithoutText}).
   */
  public static final int VERSION_WITHOUT_TEXT = 2;

  /**
   * First byte of a snapshot without its text, sealed with a checksum of itself and the stored text
   * (see {@link #encodeSealed}).
   */
  public static final int VERSION_SEALED = 4;

  private static final int SEAL_BYTES = 4;

  public static final int MAX_ACTORS = 1 << 16;

  /** Events (seqs) a snapshot may declare in total; bounds what loading allocates. */
  public static final long MAX_EVENTS = 1 << 24;

  public static final int MAX_BODY_BYTES = 256 << 20;

  /** Bodies shorter than this are stored uncompressed. */
  static final int MIN_COMPRESSED_BODY = 256;

  private static final int RIGHT_END = 0;
  private static final int RIGHT_NEXT = 1;
  private static final int RIGHT_EXPLICIT = 2;

  private TextSnapshotCodec() {}

  /** The snapshot bytes of {@code doc}, deflated when that is smaller. O(runs + text). */
  public static byte[] encode(TextDocument doc) {
    return encode(doc, true);
  }

  /**
   * The snapshot without the visible text, for a store that keeps the text beside it anyway (the
   * note body's value); load it with {@link #decodeWithText}. Same format as {@link #encode} but
   * for the first byte ({@value #VERSION_WITHOUT_TEXT}) and the missing final text.
   */
  public static byte[] encodeWithoutText(TextDocument doc) {
    return encode(doc, true, false);
  }

  /**
   * The snapshot without its text (as {@link #encodeWithoutText}), sealed with a CRC32C of itself
   * and of {@code storedText}, the bytes the store keeps the text as; check the pair with {@link
   * #checkSeal} when reading, load it with {@link #decodeWithText}.
   */
  public static byte[] encodeSealed(TextDocument doc, byte[] storedText) {
    byte[] unsealed = encode(doc, true, false);
    byte[] out = new byte[unsealed.length + SEAL_BYTES];
    out[0] = VERSION_SEALED;
    System.arraycopy(unsealed, 1, out, 1 + SEAL_BYTES, unsealed.length - 1);
    int crc = seal(out, storedText);
    for (int i = 0; i < SEAL_BYTES; i++) {
      out[1 + i] = (byte) (crc >>> (24 - 8 * i));
    }
    return out;
  }

  /**
   * Checks a stored snapshot and the stored text beside it against the snapshot's seal. O(bytes), a
   * few GB/s.
   *
   * @return true when the pair is sealed and intact; false when the snapshot is of a version
   *     written before seals (read unchecked; it is sealed when next written)
   * @throws MalformedTextException when the seal does not match (a byte of either changed), or the
   *     snapshot is not one written without its text
   */
  public static boolean checkSeal(byte[] snapshot, byte[] storedText)
      throws MalformedTextException {
    if (snapshot.length < 2) {
      throw new MalformedTextException("text snapshot: " + snapshot.length + " bytes");
    }
    int version = snapshot[0] & 0xff;
    if (version == VERSION_WITHOUT_TEXT) {
      // An unsealed snapshot's second byte is its compression (0 or 1); anything else is most
      // likely a sealed one whose version byte lost a bit.
      if (snapshot[1] != 0 && snapshot[1] != 1) {
        throw new MalformedTextException(
            "text snapshot: unknown compression " + (snapshot[1] & 0xff));
      }
      return false;
    }
    if (version != VERSION_SEALED || snapshot.length < 2 + SEAL_BYTES) {
      throw new MalformedTextException(
          "text snapshot: not a snapshot of stored text (version "
              + version
              + ", "
              + snapshot.length
              + " bytes)");
    }
    int stored = 0;
    for (int i = 0; i < SEAL_BYTES; i++) {
      stored = (stored << 8) | (snapshot[1 + i] & 0xff);
    }
    int actual = seal(snapshot, storedText);
    if (stored != actual) {
      throw new MalformedTextException(
          String.format(
              "stored text fails its checksum (CRC32C %08x, computed %08x):"
                  + " its bytes changed after they were written",
              stored, actual));
    }
    return true;
  }

  private static int seal(byte[] sealed, byte[] storedText) {
    CRC32C crc = new CRC32C();
    crc.update(sealed, 1 + SEAL_BYTES, sealed.length - 1 - SEAL_BYTES);
    crc.update(storedText);
    return (int) crc.getValue();
  }

  static byte[] encode(TextDocument doc, boolean mayCompress) {
    return encode(doc, mayCompress, true);
  }

  private static byte[] encode(TextDocument doc, boolean mayCompress, boolean withText) {
    byte[] body = encodeBody(doc, withText);
    int version = withText ? VERSION : VERSION_WITHOUT_TEXT;
    // A short body cannot shrink enough to pay for setting up a compressor (most note snapshots
    // without their text are a few dozen bytes).
    if (!mayCompress || body.length < MIN_COMPRESSED_BODY) {
      return new ByteWriter(body.length + 2)
          .writeByte(version)
          .writeByte(0)
          .writeBytes(body)
          .toByteArray();
    }
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(body);
      deflater.finish();
      byte[] buf = new byte[body.length + 64];
      int n = 0;
      while (!deflater.finished()) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        n += deflater.deflate(buf, n, buf.length - n);
      }
      ByteWriter out = new ByteWriter(Math.min(n, body.length) + 12);
      out.writeByte(version);
      if (n + 5 < body.length) {
        out.writeByte(1).writeVarint(body.length).writeBytes(buf, 0, n);
      } else {
        out.writeByte(0).writeBytes(body);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] encodeBody(TextDocument doc, boolean withText) {
    AgentTable agents = doc.agents;
    RunSequence seq = doc.runs;
    // Snapshot actor numbers: ascending actor id among actors with events.
    Integer[] order = new Integer[agents.size()];
    int nActors = 0;
    for (int a = 0; a < agents.size(); a++) {
      if (agents.next(a) > 0) {
        order[nActors++] = a;
      }
    }
    Arrays.sort(order, 0, nActors, (x, y) -> agents.actor(x).compareTo(agents.actor(y)));
    int[] toSnap = new int[agents.size()];
    ByteWriter w = new ByteWriter(withText ? 1024 + doc.length() * 2 : 64 + nActors * 40);
    w.writeVarint(nActors);
    byte[] key = new byte[ActorId.LENGTH];
    for (int i = 0; i < nActors; i++) {
      toSnap[order[i]] = i;
      agents.actor(order[i]).copyTo(key, 0);
      w.writeBytes(key).writeVarint(agents.next(order[i]));
    }
    RunList runs = RunList.canonical(seq);
    w.writeVarint(runs.size);
    long[] lastEnd = new long[nActors];
    int prevAgent = -1;
    // The text is only gathered when it goes in the snapshot (a stored note's does not).
    StringBuilder text = withText ? new StringBuilder(doc.length() + 16) : null;
    for (int i = 0; i < runs.size; i++) {
      long id = runs.id[i];
      int agent = toSnap[AgentTable.agentOf(id)];
      long s = AgentTable.seqOf(id);
      long implicitLeft = i == 0 ? AgentTable.NONE : runs.id[i - 1] + runs.len[i - 1] - 1;
      boolean explicitLeft = runs.left[i] != implicitLeft;
      long right = runs.right[i];
      int rightMode =
          right == AgentTable.NONE
              ? RIGHT_END
              : i + 1 < runs.size && runs.id[i + 1] == right ? RIGHT_NEXT : RIGHT_EXPLICIT;
      long head =
          ((long) (runs.len[i] - 1) << 5)
              | (rightMode << 3)
              | (explicitLeft ? 4 : 0)
              | (agent != prevAgent ? 2 : 0)
              | (runs.deleted[i] ? 1 : 0);
      w.writeVarint(head);
      if (agent != prevAgent) {
        w.writeVarint(agent);
      }
      w.writeVarint(zigzag(s - lastEnd[agent]));
      if (explicitLeft) {
        writeRef(w, runs.left[i], s, toSnap);
      }
      if (rightMode == RIGHT_EXPLICIT) {
        w.writeVarint(toSnap[AgentTable.agentOf(right)])
            .writeVarint(zigzag(AgentTable.seqOf(right) - s));
      }
      lastEnd[agent] = s + runs.len[i];
      prevAgent = agent;
      if (text != null && !runs.deleted[i]) {
        int[] c = agents.contentArray(AgentTable.agentOf(id));
        for (int k = (int) s, end = k + runs.len[i]; k < end; k++) {
          text.appendCodePoint(c[k]);
        }
      }
    }
    if (text != null) {
      w.writeString(text.toString());
    }
    return w.toByteArray();
  }

  private static void writeRef(ByteWriter w, long ref, long runSeq, int[] toSnap) {
    if (ref == AgentTable.NONE) {
      w.writeVarint(0);
    } else {
      w.writeVarint(toSnap[AgentTable.agentOf(ref)] + 1L)
          .writeVarint(zigzag(AgentTable.seqOf(ref) - runSeq));
    }
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  /**
   * Loads a document. @throws MalformedTextException if the bytes are not exactly a valid snapshot
   */
  public static TextDocument decode(byte[] bytes) throws MalformedTextException {
    return decode(bytes, VERSION, null);
  }

  /**
   * Loads a snapshot written by {@link #encodeWithoutText} or {@link #encodeSealed}, given its text
   * (the seal is not checked here: {@link #checkSeal} does that with the stored bytes).
   *
   * @throws MalformedTextException if the bytes are not such a snapshot, or the text does not fit
   *     it
   */
  public static TextDocument decodeWithText(byte[] bytes, String text)
      throws MalformedTextException {
    return decode(bytes, VERSION_WITHOUT_TEXT, text);
  }

  private static TextDocument decode(byte[] bytes, int expectedVersion, @Nullable String text)
      throws MalformedTextException {
    try {
      ByteReader r = new ByteReader(bytes);
      int version = r.readByte("version");
      if (version == VERSION_SEALED && expectedVersion == VERSION_WITHOUT_TEXT) {
        r.readBytes(SEAL_BYTES, "seal");
        version = VERSION_WITHOUT_TEXT;
      }
      if (version != expectedVersion) {
        throw new DecodeException(
            version == VERSION || version == VERSION_WITHOUT_TEXT || version == VERSION_SEALED
                ? "a snapshot "
                    + (version == VERSION ? "with" : "without")
                    + " its text was given where the other kind was expected"
                : "unknown version " + version);
      }
      int compression = r.readByte("compression");
      if (compression == 0) {
        return SnapshotReader.read(r, text);
      }
      if (compression != 1) {
        throw new DecodeException("unknown compression " + compression);
      }
      int bodyLength = (int) r.readVarint("body length", 1, MAX_BODY_BYTES);
      // DEFLATE expands at most ~1032:1, so a longer claim is a lie; check before allocating.
      if (bodyLength > (long) r.remaining() * 1032 + 64) {
        throw new DecodeException(
            "body length " + bodyLength + " impossible from " + r.remaining() + " bytes");
      }
      byte[] body = inflate(bytes, r.position(), r.remaining(), bodyLength);
      return SnapshotReader.read(new ByteReader(body), text);
    } catch (DecodeException e) {
      throw new MalformedTextException("text snapshot: " + e.getMessage());
    }
  }

  private static byte[] inflate(byte[] in, int off, int len, int bodyLength)
      throws DecodeException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(in, off, len);
      byte[] body = new byte[bodyLength];
      int n = 0;
      while (n < bodyLength) {
        int k = inflater.inflate(body, n, bodyLength - n);
        if (k == 0
            && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          throw new DecodeException(
              "deflated body shorter than its declared " + bodyLength + " bytes");
        }
        n += k;
      }
      byte[] probe = new byte[1];
      if (inflater.inflate(probe) != 0 || !inflater.finished()) {
        throw new DecodeException(
            "deflated body longer than its declared " + bodyLength + " bytes");
      }
      if (inflater.getRemaining() != 0) {
        throw new DecodeException(
            inflater.getRemaining() + " trailing bytes after the deflated body");
      }
      return body;
    } catch (DataFormatException e) {
      throw new DecodeException("corrupt deflated body: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }
}
