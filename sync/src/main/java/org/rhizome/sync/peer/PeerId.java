package org.rhizome.sync.peer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id: the multihash of the protobuf public key (specs/peer-ids/peer-ids.md). Keys of
 * at most 42 encoded bytes (all Ed25519 ones) are inlined with the identity hash; longer ones are
 * SHA-256 hashed. Text form: base58btc, {@code 12D3KooW…} for Ed25519. Immutable.
 */
public final class PeerId {
  private static final int IDENTITY = 0x00;
  private static final int SHA2_256 = 0x12;
  private static final int MAX_INLINE_KEY_LENGTH = 42;

  /** Longest multihash we accept (identity of a 42-byte key + 2 header bytes, or sha-256's 34). */
  private static final int MAX_LENGTH = MAX_INLINE_KEY_LENGTH + 2;

  private final byte[] bytes;

  private PeerId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static PeerId fromPublicKey(PublicKey key) {
    byte[] encoded = key.marshal();
    if (encoded.length <= MAX_INLINE_KEY_LENGTH) {
      byte[] mh = new byte[2 + encoded.length];
      mh[0] = IDENTITY;
      mh[1] = (byte) encoded.length;
      System.arraycopy(encoded, 0, mh, 2, encoded.length);
      return new PeerId(mh);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded);
      byte[] mh = new byte[34];
      mh[0] = SHA2_256;
      mh[1] = 32;
      System.arraycopy(digest, 0, mh, 2, 32);
      return new PeerId(mh);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @throws InvalidPeerIdException unless the bytes are an identity or sha2-256 multihash
   */
  public static PeerId fromBytes(byte[] bytes) {
    if (bytes.length < 2 || bytes.length > MAX_LENGTH) {
      throw new InvalidPeerIdException("peer id of " + bytes.length + " bytes");
    }
    int code = bytes[0] & 0xFF;
    int length = bytes[1] & 0xFF;
    if (length != bytes.length - 2) {
      throw new InvalidPeerIdException(
          "multihash length " + length + " does not match " + (bytes.length - 2));
    }
    if (code == SHA2_256 && length != 32) {
      throw new InvalidPeerIdException("sha2-256 multihash of " + length + " bytes");
    }
    if (code != IDENTITY && code != SHA2_256) {
      throw new InvalidPeerIdException("unsupported multihash code " + code);
    }
    return new PeerId(bytes.clone());
  }

  /** Parses the base58btc text form. @throws InvalidPeerIdException if it is not one */
  public static PeerId parse(String text) {
    if (text.isEmpty() || text.length() > 128) {
      throw new InvalidPeerIdException("peer id text of " + text.length() + " characters");
    }
    return fromBytes(Base58.decode(text));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The public key inlined in an identity-multihash id (always the case for Ed25519 peers). */
  public Optional<PublicKey> extractPublicKey() {
    if ((bytes[0] & 0xFF) != IDENTITY) {
      return Optional.empty();
    }
    try {
      return Optional.of(PublicKey.unmarshal(Arrays.copyOfRange(bytes, 2, bytes.length)));
    } catch (InvalidKeyException e) {
      return Optional.empty();
    }
  }

  public boolean matches(PublicKey key) {
    return equals(fromPublicKey(key));
  }

  public String toBase58() {
    return Base58.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toBase58();
  }
}
