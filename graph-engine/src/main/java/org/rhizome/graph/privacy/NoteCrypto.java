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
 * <p><b>Pairwise key wrap</b> (version 2, decision 0012, what this code writes): as version 1, but
 * the agreement is between the wrapping device's own X25519 key S and the reader device's R, so a
 * device pair agrees once and every later wrap between them costs an HKDF and an AEAD, not two
 * X25519 multiplications. The context also binds the wrapping device (the signed change's author,
 * the stored field's writer), and the HKDF salt is S‖R. Bytes: {@code 2 | nonce 12 | sealed key 32
 * + tag 16}. Both versions open.
 *
 * <p><b>Sealed op</b> (the ops of one change on one private note): ChaCha20-Poly1305 under the note
 * key with a random nonce; the associated data binds workspace, author, seq, note and key id, so a
 * payload replayed into another change or note does not open. Bytes: {@code 1 | key id 16 | nonce
 * 12 | ciphertext + tag 16}. Both travel as base64 strings in ordinary signed fields: every replica
 * verifies and relays them without a key. Version 2 of the sealed op (decision 0012, what this code
 * writes) has the same bytes with {@code 2} first; its plaintext is {@link CompactOps}' and its
 * associated data starts {@code rhizome/sealed/v2}. Both versions open.
 */
public final class NoteCrypto {
  public static final int KEY_LENGTH = 32;
  static final int VERSION = 1;
  private static final int NONCE = 12;
  private static final int TAG = 16;
  static final int WRAP_LENGTH = 1 + 32 + NONCE + KEY_LENGTH + TAG;

  /** Version and length of a pairwise wrap (decision 0012). */
  static final int PAIRWISE = 2;

  static final int PAIRWISE_LENGTH = 1 + NONCE + KEY_LENGTH + TAG;

  /** The version of a sealed payload whose plaintext is {@link CompactOps}' (decision 0012). */
  public static final int COMPACT = 2;

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
      return (b.length == WRAP_LENGTH && b[0] == VERSION)
          || (b.length == PAIRWISE_LENGTH && b[0] == PAIRWISE);
    } catch (SealException e) {
      return false;
    }
  }

  /**
   * Whether {@code wrap} is a pairwise one (version 2), which needs its wrapping device to open.
   */
  public static boolean isPairwise(String wrap) {
    try {
      return wrap.length() >= 4 && Base64.getDecoder().decode(wrap.substring(0, 4))[0] == PAIRWISE;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The X25519 agreement of a device's private key with another device's public key: what every
   * pairwise wrap between the two derives its key from (decision 0012).
   *
   * @throws SealException when {@code other}'s key is degenerate (no usable agreement)
   */
  public static byte[] agreement(byte[] x25519Private, ActorId other) throws SealException {
    byte[] shared = new byte[X25519.POINT_SIZE];
    byte[] theirs;
    try {
      theirs = X25519Keys.publicKey(other);
    } catch (IllegalArgumentException e) {
      throw new SealException("device " + other + " has no usable X25519 key");
    }
    if (!X25519.calculateAgreement(x25519Private, 0, theirs, 0, shared, 0)) {
      throw new SealException("device " + other + " has no usable X25519 key");
    }
    return shared;
  }

  static byte[] pairwiseContext(
      WorkspaceId workspace, Soul seal, KeyId key, ActorId device, ActorId wrapper) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(200);
    out.writeBytes("rhizome/wrap/v2\n".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(workspace.toBytes());
    out.writeBytes(seal.value().getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(key.bytes());
    out.writeBytes(device.toBytes());
    out.writeBytes(wrapper.toBytes());
    return out.toByteArray();
  }

  /**
   * Wraps {@code noteKey} for {@code device} from {@code wrapper} (this device), given their {@link
   * #agreement}; a base64 string (decision 0012).
   */
  public static String wrapPairwise(
      WorkspaceId workspace,
      Soul seal,
      KeyId key,
      byte[] noteKey,
      ActorId device,
      ActorId wrapper,
      byte[] shared,
      SecureRandom random) {
    byte[] context = pairwiseContext(workspace, seal, key, device, wrapper);
    byte[] kek = pairwiseKek(shared, device, wrapper, context);
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] sealedKey = aead(true, kek, nonce, context, noteKey);
    ByteBuffer out = ByteBuffer.allocate(PAIRWISE_LENGTH);
    out.put((byte) PAIRWISE).put(nonce).put(sealedKey);
    return Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * Opens a pairwise wrap made by {@code wrapper} for {@code device} (this device), given their
   * {@link #agreement}.
   *
   * @throws SealException when it is not a wrap of this key of this note for this device by that
   *     wrapper
   */
  public static byte[] unwrapPairwise(
      WorkspaceId workspace,
      Soul seal,
      KeyId key,
      ActorId device,
      ActorId wrapper,
      byte[] shared,
      String wrap)
      throws SealException {
    byte[] bytes = base64(wrap, "key wrap");
    if (bytes.length != PAIRWISE_LENGTH || bytes[0] != PAIRWISE) {
      throw new SealException(
          "a pairwise key wrap has " + PAIRWISE_LENGTH + " bytes, version " + PAIRWISE);
    }
    byte[] nonce = Arrays.copyOfRange(bytes, 1, 1 + NONCE);
    byte[] sealedKey = Arrays.copyOfRange(bytes, 1 + NONCE, bytes.length);
    byte[] context = pairwiseContext(workspace, seal, key, device, wrapper);
    byte[] kek = pairwiseKek(shared, device, wrapper, context);
    try {
      return aead(false, kek, nonce, context, sealedKey);
    } catch (IllegalStateException e) {
      throw new SealException(
          "the key wrap does not open: tampered with, or made for another note, key or device,"
              + " or by another device");
    }
  }

  private static byte[] pairwiseKek(
      byte[] shared, ActorId device, ActorId wrapper, byte[] context) {
    return kdf(
        shared, concat(X25519Keys.publicKey(wrapper), X25519Keys.publicKey(device)), context);
  }

  static byte[] sealContext(
      int version, WorkspaceId workspace, ActorId author, long seq, Soul note, KeyId key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(200);
    out.writeBytes(
        (version == COMPACT ? "rhizome/sealed/v2\n" : "rhizome/sealed/v1\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(workspace.toBytes());
    out.writeBytes(author.toBytes());
    out.writeBytes(ByteBuffer.allocate(8).putLong(seq).array());
    out.writeBytes(note.value().getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(key.bytes());
    return out.toByteArray();
  }

  /** Seals {@code plaintext} (a change's ops on {@code note}, version 1); a base64 string. */
  public static String seal(
      WorkspaceId workspace,
      ActorId author,
      long seq,
      Soul note,
      KeyId key,
      byte[] noteKey,
      byte[] plaintext,
      SecureRandom random) {
    return seal(VERSION, workspace, author, seq, note, key, noteKey, plaintext, random);
  }

  /**
   * Seals {@code plaintext} as a payload of {@code version}: 1 ({@code SealedOps}' plaintext) or
   * {@link #COMPACT}; a base64 string.
   */
  public static String seal(
      int version,
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
    if (version != VERSION && version != COMPACT) {
      throw new IllegalArgumentException("no sealed payload of version " + version);
    }
    byte[] ct =
        aead(
            true,
            noteKey,
            nonce,
            sealContext(version, workspace, author, seq, note, key),
            plaintext);
    ByteBuffer out = ByteBuffer.allocate(1 + KeyId.LENGTH + NONCE + ct.length);
    out.put((byte) version).put(key.bytes()).put(nonce).put(ct);
    return Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * The key a sealed payload names.
   *
   * @throws SealException when it is not a sealed payload
   */
  public static KeyId keyOf(String sealed) throws SealException {
    return KeyId.of(Arrays.copyOfRange(payload(sealed), 1, 1 + KeyId.LENGTH));
  }

  /**
   * The version of a sealed payload that {@link #open} opened: 1, or {@link #COMPACT}. Reads only
   * its first byte (the whole payload was checked when it opened).
   *
   * @throws SealException when it does not start as base64
   */
  public static int versionOf(String sealed) throws SealException {
    if (sealed.length() < 4) {
      throw new SealException("not a sealed op");
    }
    return base64(sealed.substring(0, 4), "sealed op")[0];
  }

  private static byte[] payload(String sealed) throws SealException {
    byte[] b = base64(sealed, "sealed op");
    if (b.length < 1 + KeyId.LENGTH + NONCE + TAG || (b[0] != VERSION && b[0] != COMPACT)) {
      throw new SealException("not a sealed op of version " + VERSION + " or " + COMPACT);
    }
    return b;
  }

  /**
   * Opens a sealed payload.
   *
   * @throws SealException when it does not open with this key for this change and note
   */
  public static byte[] open(
      WorkspaceId workspace, ActorId author, long seq, Soul note, byte[] noteKey, String sealed)
      throws SealException {
    byte[] b = payload(sealed);
    KeyId key = KeyId.of(Arrays.copyOfRange(b, 1, 1 + KeyId.LENGTH));
    byte[] nonce = Arrays.copyOfRange(b, 1 + KeyId.LENGTH, 1 + KeyId.LENGTH + NONCE);
    byte[] ct = Arrays.copyOfRange(b, 1 + KeyId.LENGTH + NONCE, b.length);
    try {
      return aead(false, noteKey, nonce, sealContext(b[0], workspace, author, seq, note, key), ct);
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
