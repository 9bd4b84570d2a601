package org.rhizome.graph.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

class ChangeCodecTest {
  static final WorkspaceId WS = WorkspaceId.of(new byte[16]);
  final Random random = new Random(7);
  final DeviceKey alice = DeviceKey.fromSeed(bytes(32, 1));
  final DeviceKey bob = DeviceKey.fromSeed(bytes(32, 2));

  static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  Change sample() {
    ChangeChain chain = new ChangeChain(WS, alice);
    chain.next(1, List.of(new Op.SetField(new Soul("x"), "a", Value.of(1))));
    return chain.next(
        1L << 20,
        VersionVector.of(Map.of(bob.actor(), 3L)),
        List.of(
            new Op.SetField(new Soul("n1"), "title", Value.of("Hello ✓ 𝄞")),
            new Op.SetField(new Soul("n1"), "n", Value.of(-2.5)),
            new Op.SetField(new Soul("n1"), "b", Value.of(true)),
            new Op.SetField(new Soul("n1"), "gone", Value.NULL),
            new Op.SetField(new Soul("n1"), "to", Value.link(new Soul("n2")))));
  }

  @Test
  void decodeOfEncodeIsIdentity() throws Exception {
    Change c = sample();
    Change d = ChangeCodec.decode(c.encoded());
    assertThat(d.draft()).isEqualTo(c.draft());
    assertThat(d.encoded()).isEqualTo(c.encoded());
    assertThat(d.hash()).isEqualTo(c.hash());
    assertThat(d.hasValidSignature()).isTrue();
  }

  @Test
  void encodingIsStableForTheSameDraft() {
    Change a = sample();
    Change b = sample();
    assertThat(a.encoded()).isEqualTo(b.encoded()); // Ed25519 signatures are deterministic
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] full = sample().encoded();
    for (int len = 0; len < full.length; len++) {
      byte[] cut = Arrays.copyOf(full, len);
      assertThatThrownBy(
              () -> {
                Change c = ChangeCodec.decode(cut);
                // a cut that still parses must at least fail its signature
                if (!c.hasValidSignature()) {
                  throw new MalformedChangeException("signature");
                }
              })
          .as("length %d", len)
          .isInstanceOf(MalformedChangeException.class);
    }
  }

  @Test
  void randomByteFlipsAreRefusedOrFailTheSignature() {
    byte[] full = sample().encoded();
    for (int i = 0; i < 2000; i++) {
      byte[] bad = full.clone();
      int at = random.nextInt(bad.length);
      bad[at] ^= (byte) (1 + random.nextInt(255));
      try {
        Change c = ChangeCodec.decode(bad);
        assertThat(c.hasValidSignature()).as("flip at %d", at).isFalse();
      } catch (MalformedChangeException expected) {
        assertThat(expected.reason()).isIn(RefusalReason.MALFORMED, RefusalReason.TOO_LARGE);
      }
    }
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] full = sample().encoded();
    byte[] longer = Arrays.copyOf(full, full.length + 1);
    assertThatThrownBy(() -> ChangeCodec.decode(longer))
        .isInstanceOf(MalformedChangeException.class);
  }

  @Test
  void unknownVersionIsRefused() {
    byte[] b = sample().encoded();
    b[0] = 2;
    assertThatThrownBy(() -> ChangeCodec.decode(b))
        .isInstanceOf(MalformedChangeException.class)
        .hasMessageContaining("version");
  }

  @Test
  void oversizedChangeIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> ChangeCodec.decode(new byte[ChangeCodec.MAX_CHANGE_BYTES + 1]))
        .isInstanceOfSatisfying(
            MalformedChangeException.class,
            e -> assertThat(e.reason()).isEqualTo(RefusalReason.TOO_LARGE));
  }

  @Test
  void oversizedStringValueCannotBeEncodedOrDecoded() {
    String huge = "x".repeat(ValueCodec.MAX_STRING_BYTES + 1);
    ChangeChain chain = new ChangeChain(WS, alice);
    // the encoder writes it (the change limit is larger), the decoder refuses the field as too
    // large
    Change c = chain.next(1, List.of(new Op.SetField(new Soul("n"), "body", Value.of(huge))));
    assertThatThrownBy(() -> ChangeCodec.decode(c.encoded()))
        .isInstanceOfSatisfying(
            MalformedChangeException.class,
            e -> assertThat(e.reason()).isEqualTo(RefusalReason.TOO_LARGE));
  }

  @Test
  void negativeZeroIsNormalised() {
    assertThat(ValueCodec.encode(Value.of(-0.0))).isEqualTo(ValueCodec.encode(Value.of(0.0)));
  }

  @Test
  void loneSurrogatesInStringsBecomeReplacementCharacters() throws Exception {
    Value v = Value.of("a\uD800b\uDC00c😀");
    assertThat(((Value.Str) v).value()).isEqualTo("a\uFFFDb\uFFFDc😀");
    assertThat(ValueCodec.decode(ValueCodec.encode(v))).isEqualTo(v);
  }
}
