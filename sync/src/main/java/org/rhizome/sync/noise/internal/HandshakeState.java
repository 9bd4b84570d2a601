package org.rhizome.sync.noise.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.noise.NoiseException;

/**
 * The XX pattern (noise spec §7.5) as three messages: {@code → e}, {@code ← e, ee, s, es}, {@code →
 * s, se}. Empty prologue, as libp2p's Noise spec requires. Confined to one thread.
 */
final class HandshakeState {
  static final int DH_LENGTH = X25519.POINT_SIZE;

  private final boolean initiator;
  private final SymmetricState symmetric = new SymmetricState();
  private final byte[] staticPrivate;
  private final byte[] staticPublic = new byte[DH_LENGTH];
  private final byte[] ephemeralPrivate = new byte[X25519.SCALAR_SIZE];
  private final byte[] ephemeralPublic = new byte[DH_LENGTH];
  private byte @Nullable [] remoteEphemeral;
  private byte @Nullable [] remoteStatic;
  private int step;

  HandshakeState(boolean initiator, byte[] staticPrivate, SecureRandom random) {
    this.initiator = initiator;
    this.staticPrivate = staticPrivate.clone();
    X25519.generatePublicKey(staticPrivate, 0, staticPublic, 0);
    X25519.generatePrivateKey(random, ephemeralPrivate);
    X25519.generatePublicKey(ephemeralPrivate, 0, ephemeralPublic, 0);
    symmetric.mixHash(new byte[0]);
  }

  byte[] staticPublicKey() {
    return staticPublic.clone();
  }

  byte[] remoteStaticKey() {
    if (remoteStatic == null) {
      throw new IllegalStateException("remote static key not yet known");
    }
    return remoteStatic.clone();
  }

  /** Writes the next message of ours, carrying {@code payload}. */
  byte[] writeMessage(byte[] payload) {
    int expected = initiator ? (step == 0 ? 0 : 2) : 1;
    if (step != expected) {
      throw new IllegalStateException("not our turn to write (step " + step + ")");
    }
    byte[] out;
    switch (step) {
      case 0 -> {
        symmetric.mixHash(ephemeralPublic);
        out = concat(ephemeralPublic, symmetric.encryptAndHash(payload));
      }
      case 1 -> {
        symmetric.mixHash(ephemeralPublic);
        symmetric.mixKey(dh(ephemeralPrivate, remoteEphemeral));
        byte[] s = symmetric.encryptAndHash(staticPublic);
        symmetric.mixKey(dh(staticPrivate, remoteEphemeral));
        out = concat(ephemeralPublic, concat(s, symmetric.encryptAndHash(payload)));
      }
      default -> {
        byte[] s = symmetric.encryptAndHash(staticPublic);
        symmetric.mixKey(dh(staticPrivate, remoteEphemeral));
        out = concat(s, symmetric.encryptAndHash(payload));
      }
    }
    step++;
    return out;
  }

  /**
   * Reads the remote's next message and returns its payload. @throws NoiseException if it is
   * malformed
   */
  byte[] readMessage(byte[] message) {
    int expected = initiator ? 1 : (step == 0 ? 0 : 2);
    if (step != expected) {
      // The peer's bytes decide this (a second frame before our reply): its violation, not our bug.
      throw new NoiseException("handshake message out of turn (step " + step + ")");
    }
    byte[] payload;
    switch (step) {
      case 0 -> {
        requireLength(message, DH_LENGTH);
        remoteEphemeral = Arrays.copyOf(message, DH_LENGTH);
        symmetric.mixHash(remoteEphemeral);
        payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, DH_LENGTH, message.length));
      }
      case 1 -> {
        requireLength(
            message, DH_LENGTH + DH_LENGTH + CipherState.TAG_LENGTH + CipherState.TAG_LENGTH);
        remoteEphemeral = Arrays.copyOf(message, DH_LENGTH);
        symmetric.mixHash(remoteEphemeral);
        symmetric.mixKey(dh(ephemeralPrivate, remoteEphemeral));
        int sEnd = DH_LENGTH + DH_LENGTH + CipherState.TAG_LENGTH;
        remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, DH_LENGTH, sEnd));
        symmetric.mixKey(dh(ephemeralPrivate, remoteStatic));
        payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, sEnd, message.length));
      }
      default -> {
        requireLength(message, DH_LENGTH + CipherState.TAG_LENGTH + CipherState.TAG_LENGTH);
        int sEnd = DH_LENGTH + CipherState.TAG_LENGTH;
        remoteStatic = symmetric.decryptAndHash(Arrays.copyOf(message, sEnd));
        symmetric.mixKey(dh(ephemeralPrivate, remoteStatic));
        payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, sEnd, message.length));
      }
    }
    step++;
    return payload;
  }

  boolean isComplete() {
    return step == 3;
  }

  /** Our sending and receiving cipher states. */
  CipherState[] split() {
    if (!isComplete()) {
      throw new IllegalStateException("handshake not complete");
    }
    CipherState[] pair = symmetric.split();
    return initiator ? pair : new CipherState[] {pair[1], pair[0]};
  }

  private static void requireLength(byte[] message, int min) {
    if (message.length < min) {
      throw new NoiseException(
          "Noise handshake message of " + message.length + " bytes, need at least " + min);
    }
  }

  private static byte[] dh(byte[] privateKey, byte @Nullable [] publicKey) {
    if (publicKey == null) {
      throw new IllegalStateException("no remote key");
    }
    byte[] shared = new byte[X25519.POINT_SIZE];
    if (!X25519.calculateAgreement(privateKey, 0, publicKey, 0, shared, 0)) {
      throw new NoiseException("X25519 agreement with a low-order point");
    }
    return shared;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
