package org.rhizome.sync.noise.internal;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Noise SymmetricState (noise spec §5.2) with SHA-256. Confined to the handshake's thread. */
final class SymmetricState {
  static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
  private static final int HASH_LENGTH = 32;

  private final CipherState cipher = new CipherState();
  private byte[] ck;
  private byte[] h;

  SymmetricState() {
    byte[] name = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
    // The name is exactly HASHLEN bytes, so h is the name itself (§5.2 InitializeSymmetric).
    h = name.clone();
    ck = name.clone();
  }

  void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    cipher.initializeKey(out[1]);
  }

  void mixHash(byte[] data) {
    SHA256Digest d = new SHA256Digest();
    d.update(h, 0, h.length);
    d.update(data, 0, data.length);
    byte[] out = new byte[HASH_LENGTH];
    d.doFinal(out, 0);
    h = out;
  }

  byte[] encryptAndHash(byte[] plaintext) {
    byte[] c = cipher.encryptWithAd(h, plaintext);
    mixHash(c);
    return c;
  }

  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] p = cipher.decryptWithAd(h, ciphertext);
    mixHash(ciphertext);
    return p;
  }

  boolean hasKey() {
    return cipher.hasKey();
  }

  /** The initiator→responder and responder→initiator cipher states. */
  CipherState[] split() {
    byte[][] k = hkdf(ck, new byte[0]);
    CipherState c1 = new CipherState();
    c1.initializeKey(k[0]);
    CipherState c2 = new CipherState();
    c2.initializeKey(k[1]);
    return new CipherState[] {c1, c2};
  }

  private static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
    byte[] temp = hmac(chainingKey, ikm);
    byte[] out1 = hmac(temp, new byte[] {1});
    byte[] in2 = new byte[HASH_LENGTH + 1];
    System.arraycopy(out1, 0, in2, 0, HASH_LENGTH);
    in2[HASH_LENGTH] = 2;
    byte[] out2 = hmac(temp, in2);
    return new byte[][] {out1, out2};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[HASH_LENGTH];
    mac.doFinal(out, 0);
    return out;
  }
}
