package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;

/** The snapshot form a store uses when it keeps the text beside it. */
class SnapshotWithoutTextTest {
  final ActorId alice = DeviceKey.generate(new SecureRandom()).actor();
  final ActorId bob = DeviceKey.generate(new SecureRandom()).actor();

  TextDocument sample() throws Exception {
    TextDocument a = new TextDocument();
    a.splice(alice, 0, 0, "hello wörld 😀");
    TextDocument b = TextSnapshotCodec.decode(TextSnapshotCodec.encode(a));
    for (TextOp op : b.splice(bob, 5, 1, ", ")) {
      a.apply(op);
    }
    a.splice(alice, 0, 1, "H");
    return a;
  }

  @Test
  void roundTripsWithTheTextGivenBeside() throws Exception {
    TextDocument doc = sample();
    byte[] bytes = TextSnapshotCodec.encodeWithoutText(doc);
    TextDocument loaded = TextSnapshotCodec.decodeWithText(bytes, doc.text());
    assertThat(loaded.text()).isEqualTo(doc.text());
    assertThat(loaded.version()).isEqualTo(doc.version());
    assertThat(TextSnapshotCodec.encode(loaded)).isEqualTo(TextSnapshotCodec.encode(doc));
    // it keeps merging like the original
    TextOp more = doc.splice(alice, doc.length(), 0, "!").get(0);
    loaded.apply(more);
    assertThat(loaded.text()).isEqualTo(doc.text());
  }

  @Test
  void isSmallerThanTheFullSnapshotByTheText() throws Exception {
    TextDocument doc = new TextDocument();
    java.util.Random random = new java.util.Random(3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append(
          (char) ('a' + random.nextInt(26))); // incompressible, so the saving is the text itself
    }
    doc.splice(alice, 0, 0, text.toString());
    assertThat(TextSnapshotCodec.encodeWithoutText(doc).length)
        .isLessThan(TextSnapshotCodec.encode(doc).length / 4);
  }

  @Test
  void refusesTextThatDoesNotFitAndTheOtherKindOfSnapshot() throws Exception {
    TextDocument doc = sample();
    byte[] without = TextSnapshotCodec.encodeWithoutText(doc);
    assertThatThrownBy(() -> TextSnapshotCodec.decodeWithText(without, doc.text() + "x"))
        .isInstanceOf(MalformedTextException.class);
    assertThatThrownBy(() -> TextSnapshotCodec.decode(without))
        .isInstanceOf(MalformedTextException.class)
        .hasMessageContaining("without");
    assertThatThrownBy(
            () -> TextSnapshotCodec.decodeWithText(TextSnapshotCodec.encode(doc), doc.text()))
        .isInstanceOf(MalformedTextException.class);
  }
}
