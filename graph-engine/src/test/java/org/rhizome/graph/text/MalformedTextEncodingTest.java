package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.encoding.ByteWriter;
import org.rhizome.graph.model.ActorId;

/**
 * Hostile and malformed encodings are refused with {@link MalformedTextException}, never an
 * unchecked exception, and whatever the decoders accept is a usable document.
 */
class MalformedTextEncodingTest {
  private static final ActorId A = Actors.of(1);
  private static final ActorId B = Actors.of(2);

  private static List<TextOp> someOps(TextDocument d) {
    List<TextOp> ops = new ArrayList<>(d.splice(A, 0, 0, "héllo 😀 world"));
    ops.addAll(d.splice(B, 3, 4, "XY"));
    ops.addAll(d.splice(A, 0, 1, ""));
    return ops;
  }

  private static byte[] cat(byte[]... parts) {
    ByteWriter w = new ByteWriter(64);
    for (byte[] p : parts) {
      w.writeBytes(p);
    }
    return w.toByteArray();
  }

  @Test
  void everyTruncationOfAnOpBatchIsRefused() {
    byte[] bytes = TextOpCodec.encode(someOps(new TextDocument()));
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      assertThatThrownBy(() -> TextOpCodec.decode(cut)).isInstanceOf(MalformedTextException.class);
    }
  }

  @Test
  void everyTruncationOfASnapshotIsRefused() {
    TextDocument d = new TextDocument();
    someOps(d);
    for (boolean compress : new boolean[] {false, true}) {
      byte[] bytes = TextSnapshotCodec.encode(d, compress);
      for (int n = 0; n < bytes.length; n++) {
        byte[] cut = Arrays.copyOf(bytes, n);
        assertThatThrownBy(() -> TextSnapshotCodec.decode(cut))
            .isInstanceOf(MalformedTextException.class);
      }
    }
  }

  @Test
  void trailingBytesAreRefused() {
    TextDocument d = new TextDocument();
    byte[] ops = TextOpCodec.encode(someOps(d));
    assertThatThrownBy(() -> TextOpCodec.decode(cat(ops, new byte[] {0})))
        .isInstanceOf(MalformedTextException.class)
        .hasMessageContaining("trailing");
    for (boolean compress : new boolean[] {false, true}) {
      byte[] snap = TextSnapshotCodec.encode(d, compress);
      assertThatThrownBy(() -> TextSnapshotCodec.decode(cat(snap, new byte[] {0})))
          .isInstanceOf(MalformedTextException.class)
          .hasMessageContaining("trailing");
    }
  }

  @Test
  void unknownVersionsAreRefused() {
    TextDocument d = new TextDocument();
    byte[] ops = TextOpCodec.encode(someOps(d));
    byte[] snap = TextSnapshotCodec.encode(d);
    ops[0] = 2;
    snap[0] = 9;
    assertThatThrownBy(() -> TextOpCodec.decode(ops)).hasMessageContaining("unknown version");
    assertThatThrownBy(() -> TextSnapshotCodec.decode(snap))
        .hasMessageContaining("unknown version");
  }

  @Test
  void hugeCountsAreRefusedBeforeAllocating() {
    byte[] key = new byte[32];
    // 1 actor, then 2^20 ops in 4 bytes.
    byte[] manyOps =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(0)
            .writeVarint(1)
            .writeBytes(key)
            .writeVarint(1 << 20)
            .writeBytes(new byte[4])
            .toByteArray();
    assertThatThrownBy(() -> TextOpCodec.decode(manyOps))
        .isInstanceOf(MalformedTextException.class)
        .hasMessageContaining("op count");
    byte[] manyActors =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(0)
            .writeVarint(1000)
            .writeBytes(key)
            .toByteArray();
    assertThatThrownBy(() -> TextOpCodec.decode(manyActors)).hasMessageContaining("actor table");
    byte[] bomb =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(1)
            .writeVarint(200 << 20)
            .writeBytes(new byte[8])
            .toByteArray();
    assertThatThrownBy(() -> TextSnapshotCodec.decode(bomb)).hasMessageContaining("body length");
    byte[] manyEvents =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(0)
            .writeVarint(1)
            .writeBytes(key)
            .writeVarint(TextId.MAX_SEQ + 1)
            .writeVarint(0)
            .writeVarint(0)
            .toByteArray();
    assertThatThrownBy(() -> TextSnapshotCodec.decode(manyEvents)).hasMessageContaining("events");
  }

  @Test
  void opBatchesWithActorsOutOfFirstUseOrderAreRefused() {
    List<TextOp> ops = List.of(new InsertOp(new TextId(B, 0), null, null, "x"));
    byte[] bytes = TextOpCodec.encode(ops);
    byte[] twoActors =
        new ByteWriter(128)
            .writeByte(1)
            .writeByte(0)
            .writeVarint(2)
            .writeBytes(A.toBytes())
            .writeBytes(B.toBytes())
            .writeBytes(Arrays.copyOfRange(bytes, 3 + 32, bytes.length))
            .toByteArray();
    twoActors[3 + 64 + 1 + 1] = 1; // the insert's actor index: B, before A was ever used
    assertThatThrownBy(() -> TextOpCodec.decode(twoActors)).hasMessageContaining("used before");
  }

  @Test
  void authorFormBatchesNeedTheirAuthorAndOnlyTheirAuthorsOps() throws MalformedTextException {
    TextDocument d = new TextDocument();
    List<TextOp> byA = d.splice(A, 0, 0, "abc");
    byte[] bytes = TextOpCodec.encodeBy(A, byA);
    assertThat(bytes.length).isLessThan(TextOpCodec.encode(byA).length - 30);
    assertThat(TextOpCodec.decodeBy(A, bytes)).isEqualTo(byA);
    assertThatThrownBy(() -> TextOpCodec.decode(bytes)).hasMessageContaining("with the author");
    assertThatThrownBy(() -> TextOpCodec.decodeBy(A, TextOpCodec.encode(byA)))
        .hasMessageContaining("without an author");
    byte[] opByB =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(1)
            .writeVarint(1)
            .writeBytes(B.toBytes())
            .writeVarint(1)
            .writeByte(1)
            .writeVarint(1)
            .writeVarint(0)
            .writeVarint(0)
            .writeVarint(0)
            .writeString("x")
            .toByteArray();
    assertThatThrownBy(() -> TextOpCodec.decodeBy(A, opByB))
        .hasMessageContaining("not by the batch's author");
    assertThatThrownBy(() -> TextOpCodec.encodeBy(B, byA))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotsWithOverlappingRunsAreRefused() {
    byte[] key = A.toBytes();
    // Two visible runs of actor 0 that both claim seq 0..1: head len 2 (=1<<5), new actor, then seq
    // delta.
    byte[] overlap =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(0)
            .writeVarint(1)
            .writeBytes(key)
            .writeVarint(4)
            .writeVarint(2)
            .writeVarint((1 << 5) | 2)
            .writeVarint(0)
            .writeVarint(0)
            .writeVarint((1 << 5) | 4)
            .writeVarint(TextSnapshotCodec.zigzag(-2))
            .writeVarint(0)
            .writeString("abcd")
            .toByteArray();
    assertThatThrownBy(() -> TextSnapshotCodec.decode(overlap))
        .isInstanceOf(MalformedTextException.class)
        .hasMessageContaining("repeats character");
  }

  @Test
  void snapshotsWithARightOriginBeforeTheRunAreRefused() {
    byte[] key = A.toBytes();
    // Run 0: seq 0..1; run 1: seq 2..3, left explicit = start, right explicit = seq 0 (before it).
    byte[] bad =
        new ByteWriter(64)
            .writeByte(1)
            .writeByte(0)
            .writeVarint(1)
            .writeBytes(key)
            .writeVarint(4)
            .writeVarint(2)
            .writeVarint((1 << 5) | 2)
            .writeVarint(0)
            .writeVarint(0)
            .writeVarint((1 << 5) | (2 << 3) | 4)
            .writeVarint(0)
            .writeVarint(0)
            .writeVarint(0)
            .writeVarint(TextSnapshotCodec.zigzag(-2))
            .writeString("abcd")
            .toByteArray();
    assertThatThrownBy(() -> TextSnapshotCodec.decode(bad))
        .isInstanceOf(MalformedTextException.class)
        .hasMessageContaining("right origin");
  }

  @Test
  void snapshotsWhoseTextDisagreesWithTheRunsAreRefused() {
    TextDocument d = new TextDocument();
    d.splice(A, 0, 0, "abc");
    byte[] bytes = TextSnapshotCodec.encode(d, false);
    bytes[bytes.length - 1] = (byte) 0xff;
    assertThatThrownBy(() -> TextSnapshotCodec.decode(bytes)).hasMessageContaining("UTF-8");
    byte[] shorter = Arrays.copyOf(TextSnapshotCodec.encode(d, false), bytes.length - 1);
    shorter[shorter.length - 3] = 2;
    assertThatThrownBy(() -> TextSnapshotCodec.decode(shorter))
        .isInstanceOf(MalformedTextException.class);
  }

  @Property(tries = 300, seed = "20261124")
  void mutatedEncodingsAreRefusedOrUsable(@ForAll long seed) {
    Random random = new Random(seed);
    TextDocument d = new TextDocument();
    List<TextOp> ops = someOps(d);
    for (int i = 0; i < 20; i++) {
      ops.addAll(d.splice(i % 2 == 0 ? A : B, random.nextInt(d.length() + 1), 0, "k" + i));
    }
    byte[] opBytes = TextOpCodec.encode(ops);
    byte[] snapBytes = TextSnapshotCodec.encode(d, random.nextBoolean());
    mutate(opBytes, random);
    mutate(snapBytes, random);
    try {
      List<TextOp> decoded = TextOpCodec.decode(opBytes);
      assertThat(TextOpCodec.encode(decoded)).isEqualTo(opBytes);
      TextDocument replica = new TextDocument();
      for (TextOp op : decoded) {
        try {
          replica.apply(op);
        } catch (TextException refused) {
          // A refused op is fine; an unchecked exception is not.
        }
      }
      replica.text();
    } catch (MalformedTextException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
    try {
      TextDocument loaded = TextSnapshotCodec.decode(snapBytes);
      for (int i = 0; i < 20; i++) {
        int len = loaded.length();
        int pos = random.nextInt(len + 1);
        loaded.splice(A, pos, random.nextInt(len - pos + 1), "m");
      }
      TextSnapshotCodec.decode(TextSnapshotCodec.encode(loaded));
    } catch (MalformedTextException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static void mutate(byte[] b, Random random) {
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      int at = 1 + random.nextInt(b.length - 1);
      b[at] =
          random.nextInt(3) == 0
              ? (byte) random.nextInt(256)
              : (byte) (b[at] ^ (1 << random.nextInt(8)));
    }
  }
}
