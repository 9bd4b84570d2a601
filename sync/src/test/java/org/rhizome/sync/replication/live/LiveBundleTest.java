package org.rhizome.sync.replication.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveBundleTest {
  final Random random = new Random(11);

  byte[] change(int size) {
    byte[] c = new byte[size];
    random.nextBytes(c);
    return c;
  }

  @Test
  void bundlesOfOneAndOfManySurviveEncoding() {
    List<byte[]> one = List.of(change(300));
    assertThat(LiveBundle.decode(LiveBundle.encode(one))).containsExactlyElementsOf(one);

    List<byte[]> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(change(1 + random.nextInt(1500)));
    }
    List<byte[]> back = LiveBundle.decode(LiveBundle.encode(many));
    assertThat(back).hasSize(500);
    for (int i = 0; i < many.size(); i++) {
      assertThat(back.get(i)).isEqualTo(many.get(i));
    }
    // The largest change that fits alone.
    byte[] big = change(LiveBundle.MAX_BYTES - 3);
    assertThat(LiveBundle.encode(List.of(big))).hasSize(LiveBundle.MAX_BYTES);
    assertThat(LiveBundle.decode(LiveBundle.encode(List.of(big))).get(0)).isEqualTo(big);
  }

  @Test
  void malformedMessagesAreRefusedWithAReason() {
    assertThatThrownBy(() -> LiveBundle.decode(new byte[0]))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("empty live message");
    assertThatThrownBy(() -> LiveBundle.decode(new byte[] {0}))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("empty change");
    assertThatThrownBy(() -> LiveBundle.decode(new byte[] {5, 1, 2}))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("runs past the end");
    // A second change cut short after a complete first one.
    assertThatThrownBy(() -> LiveBundle.decode(new byte[] {1, 9, (byte) 0x80}))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("malformed length");
    // Not minimally encoded: 0x81 0x00 is 1 in two bytes.
    assertThatThrownBy(() -> LiveBundle.decode(new byte[] {(byte) 0x81, 0, 7}))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("malformed length");
    // A length past any message: nine continuation bytes.
    byte[] huge = new byte[12];
    java.util.Arrays.fill(huge, 0, 9, (byte) 0xFF);
    assertThatThrownBy(() -> LiveBundle.decode(huge))
        .isInstanceOf(MalformedLiveMessageException.class);
    assertThatThrownBy(() -> LiveBundle.decode(new byte[LiveBundle.MAX_BYTES + 1]))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("over the limit");
    byte[] tooMany = new byte[(LiveBundle.MAX_CHANGES + 1) * 2];
    for (int i = 0; i < tooMany.length; i += 2) {
      tooMany[i] = 1;
      tooMany[i + 1] = 42;
    }
    assertThatThrownBy(() -> LiveBundle.decode(tooMany))
        .isInstanceOf(MalformedLiveMessageException.class)
        .hasMessageContaining("more than " + LiveBundle.MAX_CHANGES);
  }

  @Test
  void encodingRefusesWhatCouldNotBeDecoded() {
    assertThatThrownBy(() -> LiveBundle.encode(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LiveBundle.encode(List.of(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LiveBundle.encode(List.of(change(LiveBundle.MAX_BYTES))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomBytesEitherDecodeToWhatReEncodesToThemOrAreRefused() {
    int decoded = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] data = change(random.nextInt(40));
      if (data.length > 0 && random.nextBoolean()) {
        data[0] = (byte) random.nextInt(8); // a plausible first length
      }
      List<byte[]> changes;
      try {
        changes = LiveBundle.decode(data);
      } catch (MalformedLiveMessageException e) {
        continue;
      }
      decoded++;
      assertThat(LiveBundle.encode(changes)).isEqualTo(data);
    }
    assertThat(decoded).isPositive();
  }
}
