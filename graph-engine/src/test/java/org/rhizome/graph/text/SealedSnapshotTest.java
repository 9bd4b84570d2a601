package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;

/** The sealed snapshot (version 4): a checksum of itself and of the stored text beside it. */
class SealedSnapshotTest {
  final ActorId alice = DeviceKey.generate(new SecureRandom()).actor();
  final ActorId bob = DeviceKey.generate(new SecureRandom()).actor();

  TextDocument sample(int extra) throws Exception {
    TextDocument a = new TextDocument();
    a.splice(alice, 0, 0, "hello wörld 😀");
    TextDocument b = TextSnapshotCodec.decode(TextSnapshotCodec.encode(a));
    for (TextOp op : b.splice(bob, 5, 1, ", ")) {
      a.apply(op);
    }
    Random random = new Random(7);
    for (int i = 0; i < extra; i++) {
      a.splice(i % 2 == 0 ? alice : bob, random.nextInt(a.length() + 1), 0, "x" + i);
      if (i % 3 == 0) {
        a.splice(alice, random.nextInt(a.length()), 1, "");
      }
    }
    return a;
  }

  static byte[] stored(TextDocument doc) {
    // Any bytes stand for the store's encoded value; the codec only checksums them.
    return ("S" + doc.text()).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void roundTripsAndChecksItsSeal() throws Exception {
    for (int extra : new int[] {0, 400}) { // short (stored raw) and long (deflated) bodies
      TextDocument doc = sample(extra);
      byte[] sealed = TextSnapshotCodec.encodeSealed(doc, stored(doc));
      assertThat(sealed[0]).isEqualTo((byte) TextSnapshotCodec.VERSION_SEALED);
      assertThat(TextSnapshotCodec.checkSeal(sealed, stored(doc))).isTrue();
      TextDocument loaded = TextSnapshotCodec.decodeWithText(sealed, doc.text());
      assertThat(loaded.text()).isEqualTo(doc.text());
      assertThat(TextSnapshotCodec.encode(loaded)).isEqualTo(TextSnapshotCodec.encode(doc));
      assertThat(sealed.length).isEqualTo(TextSnapshotCodec.encodeWithoutText(doc).length + 4);
    }
  }

  @Test
  void everyFlippedBitOfTheSnapshotOrTheTextIsFound() throws Exception {
    TextDocument doc = sample(40);
    byte[] text = stored(doc);
    byte[] sealed = TextSnapshotCodec.encodeSealed(doc, text);
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] flipped = sealed.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> TextSnapshotCodec.checkSeal(flipped, text))
          .as("bit %d of the snapshot", bit)
          .isInstanceOf(MalformedTextException.class);
    }
    for (int bit = 0; bit < text.length * 8; bit++) {
      byte[] flipped = text.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> TextSnapshotCodec.checkSeal(sealed, flipped))
          .as("bit %d of the text", bit)
          .isInstanceOf(MalformedTextException.class)
          .hasMessageContaining("checksum");
    }
  }

  @Test
  void anUnsealedSnapshotIsStillReadButNotChecked() throws Exception {
    TextDocument doc = sample(10);
    byte[] old = TextSnapshotCodec.encodeWithoutText(doc);
    assertThat(TextSnapshotCodec.checkSeal(old, stored(doc))).isFalse();
    assertThat(TextSnapshotCodec.decodeWithText(old, doc.text()).text()).isEqualTo(doc.text());
  }

  @Test
  void otherKindsAndScrapsAreRefused() throws Exception {
    TextDocument doc = sample(3);
    assertThatThrownBy(
            () -> TextSnapshotCodec.checkSeal(TextSnapshotCodec.encode(doc), new byte[0]))
        .isInstanceOf(MalformedTextException.class);
    assertThatThrownBy(() -> TextSnapshotCodec.checkSeal(new byte[] {4, 0, 0}, new byte[0]))
        .isInstanceOf(MalformedTextException.class);
    assertThatThrownBy(() -> TextSnapshotCodec.checkSeal(new byte[0], new byte[0]))
        .isInstanceOf(MalformedTextException.class);
    byte[] sealed = TextSnapshotCodec.encodeSealed(doc, stored(doc));
    assertThatThrownBy(() -> TextSnapshotCodec.decode(sealed))
        .isInstanceOf(MalformedTextException.class)
        .hasMessageContaining("without");
  }
}
