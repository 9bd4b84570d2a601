package org.rhizome.graph.privacy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.rhizome.graph.model.ActorId;

/**
 * A device's key agreement key is its Ed25519 identity seen on the Montgomery curve (RFC 7748's
 * birational map, as libsodium's {@code ed25519_pk_to_curve25519}): every member's public X25519
 * key is known from its actor id, so a note key can be wrapped for a device without any new field
 * in its membership record. The private scalar is the first half of SHA-512 of the Ed25519 seed —
 * the same scalar Ed25519 signs with — which X25519 clamps the same way.
 */
public final class X25519Keys {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  /**
   * Devices' X25519 keys already mapped (a modular inverse each, a tenth of an unwrap): a team has
   * a handful of devices. Emptied past {@value #MAX_KEPT}.
   */
  private static final int MAX_KEPT = 1024;

  private static final java.util.concurrent.ConcurrentHashMap<ActorId, byte[]> KEPT =
      new java.util.concurrent.ConcurrentHashMap<>();

  private X25519Keys() {}

  /** The X25519 private key of the device with this Ed25519 seed. */
  public static byte[] privateKey(byte[] ed25519Seed) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-512").digest(ed25519Seed);
      byte[] k = Arrays.copyOf(h, 32);
      Arrays.fill(h, (byte) 0);
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-512", e);
    }
  }

  /** The X25519 public key of {@code device}: u = (1 + y) / (1 − y) mod p. */
  public static byte[] publicKey(ActorId device) {
    byte[] kept = KEPT.get(device);
    if (kept == null) {
      kept = map(device);
      if (KEPT.size() >= MAX_KEPT) {
        KEPT.clear();
      }
      KEPT.put(device, kept);
    }
    return kept.clone();
  }

  private static byte[] map(ActorId device) {
    byte[] le = device.toBytes();
    le[31] &= 0x7f; // the sign of x
    BigInteger y = new BigInteger(1, reverse(le));
    BigInteger denominator = BigInteger.ONE.subtract(y).mod(P);
    if (denominator.signum() == 0) {
      throw new IllegalArgumentException("not a usable Ed25519 public key");
    }
    BigInteger u = BigInteger.ONE.add(y).multiply(denominator.modInverse(P)).mod(P);
    byte[] be = u.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
