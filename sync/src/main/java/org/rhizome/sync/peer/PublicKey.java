package org.rhizome.sync.peer;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key, encoded for the wire as the libp2p {@code PublicKey} protobuf ({@code 1:
 * KeyType = Ed25519 (1), 2: Data = 32 bytes}); see specs/peer-ids/peer-ids.md. Immutable.
 */
public final class PublicKey {
  static final int KEY_TYPE_ED25519 = 1;

  /** Longest protobuf key we accept to decode; an Ed25519 one is 36 bytes, RSA ones reach ~550. */
  static final int MAX_ENCODED_LENGTH = 1024;

  private final byte[] raw;

  private PublicKey(byte[] raw) {
    this.raw = raw;
  }

  /**
   * @throws InvalidKeyException unless {@code raw} is 32 bytes
   */
  public static PublicKey ofEd25519(byte[] raw) {
    if (raw.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new InvalidKeyException("an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    return new PublicKey(raw.clone());
  }

  /**
   * Decodes the libp2p protobuf form. @throws InvalidKeyException for any other key type or bad
   * bytes
   */
  public static PublicKey unmarshal(byte[] encoded) {
    if (encoded.length > MAX_ENCODED_LENGTH) {
      throw new InvalidKeyException("public key of " + encoded.length + " bytes");
    }
    KeyEnvelope envelope = KeyEnvelope.decode(encoded, "public key");
    int type = envelope.type();
    byte[] data = envelope.data();
    if (type != KEY_TYPE_ED25519) {
      throw new InvalidKeyException("unsupported key type " + type + " (only Ed25519)");
    }
    if (data == null) {
      throw new InvalidKeyException("public key has no data");
    }
    return ofEd25519(data);
  }

  /**
   * The libp2p protobuf form: {@code 08 01 12 20 <32 bytes>}, fields in number order as the spec
   * requires.
   */
  public byte[] marshal() {
    byte[] out = new byte[4 + raw.length];
    try {
      CodedOutputStream o = CodedOutputStream.newInstance(out);
      o.writeEnum(1, KEY_TYPE_ED25519);
      o.writeBytes(2, ByteString.copyFrom(raw));
      o.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  public byte[] raw() {
    return raw.clone();
  }

  /** Ed25519 (RFC 8032) verification; false for a signature of the wrong length. */
  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return Ed25519.verify(signature, 0, raw, 0, message, 0, message.length);
  }

  public PeerId toPeerId() {
    return PeerId.fromPublicKey(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey other && Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + HexFormat.of().formatHex(raw) + "]";
  }
}
