package org.rhizome.graph.identity;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.rhizome.graph.model.ActorId;

/**
 * A device's Ed25519 signing key (Bouncy Castle). The public half is the device's {@link ActorId}.
 * Thread-safe: signing does not mutate the key.
 */
public final class DeviceKey {
  public static final int SEED_LENGTH = Ed25519.SECRET_KEY_SIZE;
  public static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

  private final byte[] seed;
  private final byte[] publicKey;
  private final ActorId actor;

  private DeviceKey(byte[] seed) {
    this.seed = seed;
    this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    this.actor = ActorId.of(publicKey);
  }

  public static DeviceKey generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new DeviceKey(seed);
  }

  /**
   * @throws IllegalArgumentException unless the seed has {@value #SEED_LENGTH} bytes
   */
  public static DeviceKey fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException(
          "an Ed25519 seed has " + SEED_LENGTH + " bytes, got " + seed.length);
    }
    return new DeviceKey(seed.clone());
  }

  public ActorId actor() {
    return actor;
  }

  public byte[] seed() {
    return seed.clone();
  }

  public byte[] sign(byte[] message, int offset, int length) {
    byte[] sig = new byte[SIGNATURE_LENGTH];
    Ed25519.sign(seed, 0, publicKey, 0, message, offset, length, sig, 0);
    return sig;
  }

  /**
   * Verifies an Ed25519 signature by {@code actor} over {@code message[offset, offset+length)}. The
   * actor's key is decoded once and kept ({@link VerifyingKeys}).
   */
  public static boolean verify(
      ActorId actor, byte[] message, int offset, int length, byte[] signature, int sigOffset) {
    try {
      Ed25519.PublicPoint key = VerifyingKeys.of(actor);
      return key != null && Ed25519.verify(signature, sigOffset, key, message, offset, length);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return false; // a malformed key or signature simply does not verify
    }
  }
}
