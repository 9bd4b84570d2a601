package org.rhizome.graph.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.ActorId;

/**
 * Verifying with a kept, decoded key must accept exactly what verifying with the key's bytes
 * accepts: the oracle here is Bouncy Castle's own byte-key verify.
 */
class VerifyingKeysTest {
  private final Random random = new Random(20261208);

  /** Encodings verify must refuse: small-order points, y ≥ p, and a point off the curve. */
  private static final List<String> BAD_KEYS =
      List.of(
          "0100000000000000000000000000000000000000000000000000000000000000", // identity
          "0000000000000000000000000000000000000000000000000000000000000000", // order 4
          "0000000000000000000000000000000000000000000000000000000000000080", // order 4, x sign
          "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
          "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
          "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1
          "0200000000000000000000000000000000000000000000000000000000000000"); // not on the curve

  @Test
  void acceptsExactlyWhatVerifyingWithTheKeysBytesAccepts() {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> seeds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      DeviceKey k = DeviceKey.generate(new java.security.SecureRandom());
      keys.add(k.actor().toBytes());
      seeds.add(k.seed());
    }
    for (int i = 0; i < 40; i++) {
      byte[] junk = new byte[32];
      random.nextBytes(junk); // about half of these decode to a point
      keys.add(junk);
      seeds.add(null);
    }
    for (String hex : BAD_KEYS) {
      keys.add(HexFormat.of().parseHex(hex));
      seeds.add(null);
    }
    int verified = 0;
    for (int round = 0; round < 3; round++) { // later rounds use the kept keys
      for (int i = 0; i < keys.size(); i++) {
        byte[] message = new byte[1 + random.nextInt(300)];
        random.nextBytes(message);
        byte[] sig = new byte[64];
        if (seeds.get(i) != null) {
          sig = DeviceKey.fromSeed(seeds.get(i)).sign(message, 0, message.length);
        } else {
          random.nextBytes(sig);
        }
        for (int variant = 0; variant < 3; variant++) {
          byte[] s = sig.clone();
          byte[] m = message.clone();
          if (variant == 1) {
            s[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
          } else if (variant == 2) {
            m[random.nextInt(m.length)] ^= 1;
          }
          boolean oracle = Ed25519.verify(s, 0, keys.get(i), 0, m, 0, m.length);
          boolean ours = DeviceKey.verify(ActorId.of(keys.get(i)), m, 0, m.length, s, 0);
          assertThat(ours).as("key %d variant %d", i, variant).isEqualTo(oracle);
          verified += ours ? 1 : 0;
        }
      }
    }
    assertThat(verified).isEqualTo(3 * 40); // every untampered signature of a real key
  }

  @Test
  void aSmallOrderKeyWithItsTrivialSignatureDoesNotVerify() {
    // With A the identity, [S]B = R + [k]A holds for R = identity and S = 0, whatever the message.
    byte[] identity = HexFormat.of().parseHex(BAD_KEYS.get(0));
    byte[] sig = new byte[64];
    System.arraycopy(identity, 0, sig, 0, 32);
    byte[] message = "anything".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(DeviceKey.verify(ActorId.of(identity), message, 0, message.length, sig, 0))
        .isFalse();
  }

  @Test
  void theTableStaysBounded() {
    for (int i = 0; i < VerifyingKeys.MAX_KEYS + 100; i++) {
      VerifyingKeys.of(DeviceKey.fromSeed(seed(i)).actor());
    }
    assertThat(VerifyingKeys.size()).isBetween(1, VerifyingKeys.MAX_KEYS);
  }

  private static byte[] seed(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    s[1] = (byte) (i >> 8);
    s[2] = 7;
    return s;
  }
}
