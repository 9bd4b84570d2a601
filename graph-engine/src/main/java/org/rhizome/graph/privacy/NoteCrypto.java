package org.rhizome.graph.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The two constructions of decision 0008, Bouncy Castle's primitives only.
 *
 * <p><b>Key wrap</b> (a note key for one reader device): an ephemeral X25519 key E, the agreement
 * with the device's X25519 key R ({@link X25519Keys}), HKDF-SHA256 (salt E‖R, info the context),
 * ChaCha20-Poly1305 with the context as associated data. The context binds workspace, seal node,
 * key id and device, so a wrap copied to another note, key or device does not open. Bytes: {@code 1
 * | E 32 | nonce 12 | sealed key 32 + tag 16}.
 *
 * <p><b>Sealed op</b> (the ops of one change on one private note): ChaCha20-Poly1305 under the note
 * key with a random nonce; the associated data binds workspace, author, seq, note and key id, so a
 * payload replayed into another change or note does not open. Bytes: {@code 1 | key id 16 | nonce
 * 12 | ciphertext + tag 16}. Both travel as base64 strings in ordinary signed fields: every replica
 * verifies and relays them without a key.
 */
public final class NoteCrypto {
  public static final int KEY_LENGTH = 32;
  static final int VERSION = 1;
  private static final int NONCE = 12;
  private static final int TAG = 16;
  static final int WRAP_LENGTH = 1 + 32 + NONCE + KEY_LENGTH + TAG;

  private NoteCrypto() {}

  public static byte[] newKey(SecureRandom random) {
    byte[] k = new byte[KEY_LENGTH];
    random.nextBytes(k);
    return k;
  }

  static byte[] wrapContext(WorkspaceId workspace, Soul seal, KeyId key, ActorId device) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    out.writeBytes("rhizome/wrap/v1\n".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(workspace.toBytes());
    out.writeBytes(seal.value().getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(key.bytes());
    out.writeBytes(device.toBytes());
    return out.toByteArray();
  }

  /** Wraps {@code noteKey} for {@code device}; a base64 string. */
  public static String wrap(
      WorkspaceId workspace,
      Soul seal,
      KeyId key,
      byte[] noteKey,
      ActorId device,
      SecureRandom random) {
    byte[] context = wrapContext(workspace, seal, key, device);
    byte[] e = new byte[X25519.SCALAR_SIZE];
    random.nextBytes(e);
    byte[] ephemeral = new byte[X25519.POINT_SIZE];
    X25519.scalarMultBase(e, 0, ephemeral, 0);
    byte[] recipient = X25519Keys.publicKey(device);
    byte[] shared = new byte[X25519.POINT_SIZE];
    if (!X25519.calculateAgreement(e, 0, recipient, 0, shared, 0)) {
      throw new IllegalArgumentException("device " + device + " has no usable X25519 key");
    }
    Arrays.fill(e, (byte) 0);
    byte[] kek = kdf(shared, concat(ephemeral, recipient), context);
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] sealedKey = aead(true, kek, nonce, context, noteKey);
    ByteBuffer out = ByteBuffer.allocate(WRAP_LENGTH);
    out.put((byte) VERSION).put(ephemeral).put(nonce).put(sealedKey);
    return Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * Opens a wrap made for this device ({@code x25519Private}).
   *
   * @throws SealException when it is not a wrap of this key of this note for this device
   */
  public static byte[] unwrap(
      WorkspaceId workspace,
      Soul seal,
      KeyId key,
      ActorId device,
      byte[] x25519Private,
      String wrap)
      throws SealException {
    byte[] bytes = base64(wrap, "key wrap");
    if (bytes.length != WRAP_LENGTH || bytes[0] != VERSION) {
      throw new SealException("a key wrap has " + WRAP_LENGTH + " bytes, version " + VERSION);
    }
    byte[] ephemeral = Arrays.copyOfRange(bytes, 1, 33);
    byte[] nonce = Arrays.copyOfRange(bytes, 33, 33 + NONCE);
    byte[] sealedKey = Arrays.copyOfRange(bytes, 33 + NONCE, bytes.length);
    byte[] shared = new byte[X25519.POINT_SIZE];
    if (!X25519.calculateAgreement(x25519Private, 0, ephemeral, 0, shared, 0)) {
      throw new SealException("the key wrap's ephemeral key is degenerate");
    }
    byte[] context = wrapContext(workspace, seal, key, device);
    byte[] kek = kdf(shared, concat(ephemeral, X25519Keys.publicKey(device)), context);
    try {
      return aead(false, kek, nonce, context, sealedKey);
    } catch (IllegalStateException e) {
      throw new SealException(
          "the key wrap does not open: tampered with, or made for another note, key or device");
    }
  }

  /** Whether {@code wrap} has a wrap's shape (what every replica can check without a key). */
  public static boolean looksLikeWrap(String wrap) {
    try {
      byte[] b = base64(wrap, "key wrap");
      return b.length == WRAP_LENGTH && b[0] == VERSION;
    } catch (SealException e) {
      return false;
    }
  }

  static byte[] sealContext(WorkspaceId workspace, ActorId author, long seq, Soul note, KeyId key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(200);
    out.writeBytes("rhizome/sealed/v1\n".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(workspace.toBytes());
    out.writeBytes(author.toBytes());
    out.writeBytes(ByteBuffer.allocate(8).putLong(seq).array());
    out.writeBytes(note.value().getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(key.bytes());
    return out.toByteArray();
  }

  /** Seals {@code plaintext} (a change's ops on {@code note}); a base64 string. */
  public static String seal(
      WorkspaceId workspace,
      ActorId author,
      long seq,
      Soul note,
      KeyId key,
      byte[] noteKey,
      byte[] plaintext,
      SecureRandom random) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] ct =
        aead(true, noteKey, nonce, sealContext(workspace, author, seq, note, key), plaintext);
    ByteBuffer out = ByteBuffer.allocate(1 + KeyId.LENGTH + NONCE + ct.length);
    out.put((byte) VERSION).put(key.bytes()).put(nonce).put(ct);
    return Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * The key a sealed payload names.
   *
   * @throws SealException when it is not a sealed payload
   */
  public static KeyId keyOf(String sealed) throws SealException {
    byte[] b = base64(sealed, "sealed op");
    if (b.length < 1 + KeyId.LENGTH + NONCE + TAG || b[0] != VERSION) {
      throw new SealException("not a sealed op of version " + VERSION);
    }
    return KeyId.of(Arrays.copyOfRange(b, 1, 1 + KeyId.LENGTH));
  }

  /**
   * Opens a sealed payload.
   *
   * @throws SealException when it does not open with this key for this change and note
   */
  public static byte[] open(
      WorkspaceId workspace, ActorId author, long seq, Soul note, byte[] noteKey, String sealed)
      throws SealException {
    KeyId key = keyOf(sealed);
    byte[] b = base64(sealed, "sealed op");
    byte[] nonce = Arrays.copyOfRange(b, 1 + KeyId.LENGTH, 1 + KeyId.LENGTH + NONCE);
    byte[] ct = Arrays.copyOfRange(b, 1 + KeyId.LENGTH + NONCE, b.length);
    try {
      return aead(false, noteKey, nonce, sealContext(workspace, author, seq, note, key), ct);
    } catch (IllegalStateException e) {
      throw new SealException(
          "the sealed op does not open: tampered with, or copied from another change or note");
    }
  }

  private static byte[] base64(String s, String what) throws SealException {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new SealException(what + " is not base64");
    }
  }

  private static byte[] kdf(byte[] ikm, byte[] salt, byte[] info) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[KEY_LENGTH];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  /** ChaCha20-Poly1305 with a 16-byte tag; on a failed tag, an IllegalStateException. */
  static byte[] aead(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] in) {
    ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
    cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG * 8, nonce, aad));
    byte[] out = new byte[cipher.getOutputSize(in.length)];
    int n = cipher.processBytes(in, 0, in.length, out, 0);
    try {
      n += cipher.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("authentication failed", e);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
