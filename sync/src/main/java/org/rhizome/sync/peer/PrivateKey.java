package org.rhizome.sync.peer;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key. Its file form is the libp2p {@code PrivateKey} protobuf with the 64-byte
 * {@code seed ‖ public key} data, as js-libp2p and go-libp2p write it. Thread-safe (immutable).
 */
public final class PrivateKey {
  private final byte[] seed;
  private final PublicKey publicKey;

  private PrivateKey(byte[] seed) {
    this.seed = seed;
    byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pub, 0);
    this.publicKey = PublicKey.ofEd25519(pub);
  }

  public static PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    return new PrivateKey(seed);
  }

  /**
   * @throws InvalidKeyException unless the seed has 32 bytes
   */
  public static PrivateKey fromSeed(byte[] seed) {
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new InvalidKeyException("an Ed25519 seed has 32 bytes, not " + seed.length);
    }
    return new PrivateKey(seed.clone());
  }

  /**
   * Decodes the protobuf form. Data may be the 64-byte {@code seed ‖ public} or the bare 32-byte
   * seed.
   *
   * @throws InvalidKeyException for another key type, bad bytes, or a public half that does not
   *     match
   */
  public static PrivateKey unmarshal(byte[] encoded) {
    KeyEnvelope envelope = KeyEnvelope.decode(encoded, "private key");
    int type = envelope.type();
    byte[] data = envelope.data();
    if (type != PublicKey.KEY_TYPE_ED25519 || data == null) {
      throw new InvalidKeyException("not an Ed25519 private key");
    }
    if (data.length != 32 && data.length != 64) {
      throw new InvalidKeyException("Ed25519 private key data has " + data.length + " bytes");
    }
    PrivateKey key = new PrivateKey(Arrays.copyOf(data, 32));
    if (data.length == 64
        && !Arrays.equals(Arrays.copyOfRange(data, 32, 64), key.publicKey.raw())) {
      throw new InvalidKeyException("private key's public half does not match its seed");
    }
    return key;
  }

  /** {@code 08 01 12 40 <seed ‖ public>}, 68 bytes. */
  public byte[] marshal() {
    byte[] data = new byte[64];
    System.arraycopy(seed, 0, data, 0, 32);
    System.arraycopy(publicKey.raw(), 0, data, 32, 32);
    byte[] out = new byte[68];
    try {
      CodedOutputStream o = CodedOutputStream.newInstance(out);
      o.writeEnum(1, PublicKey.KEY_TYPE_ED25519);
      o.writeBytes(2, ByteString.copyFrom(data));
      o.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public PeerId peerId() {
    return publicKey.toPeerId();
  }

  /** Ed25519 (RFC 8032, pure) signature, 64 bytes. */
  public byte[] sign(byte[] message) {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Override
  public String toString() {
    return "PrivateKey[" + peerId() + "]";
  }
}
