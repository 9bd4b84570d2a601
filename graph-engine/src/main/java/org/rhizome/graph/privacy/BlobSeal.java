package org.rhizome.graph.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The bytes of a private note's attachment, sealed under the note's key before they are stored or
 * sent (decision 0008): ChaCha20-Poly1305 with a random nonce; the associated data binds workspace,
 * note and key id, so a blob passed off as another note's does not open. Bytes: {@code 1 | key id
 * 16 | nonce 12 | ciphertext + tag 16}. The blob store keeps, and sync moves, only these bytes,
 * named by their own SHA-256.
 */
public final class BlobSeal {
  private static final int VERSION = 1;
  private static final int NONCE = 12;
  private static final int TAG = 16;
  private static final int HEADER = 1 + KeyId.LENGTH + NONCE;

  private BlobSeal() {}

  private static byte[] context(WorkspaceId workspace, Soul note, KeyId key) {
    return ("rhizome/blob/v1\n" + workspace + "\n" + note.value() + "\n" + key.hex())
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] seal(
      WorkspaceId workspace, Soul note, KeyId id, byte[] key, byte[] plain, SecureRandom random) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] sealed = NoteCrypto.aead(true, key, nonce, context(workspace, note, id), plain);
    byte[] out = new byte[HEADER + sealed.length];
    out[0] = VERSION;
    System.arraycopy(id.bytes(), 0, out, 1, KeyId.LENGTH);
    System.arraycopy(nonce, 0, out, 1 + KeyId.LENGTH, NONCE);
    System.arraycopy(sealed, 0, out, HEADER, sealed.length);
    return out;
  }

  /**
   * The key a sealed blob names.
   *
   * @throws SealException when it is not a sealed blob
   */
  public static KeyId keyOf(byte[] sealed) throws SealException {
    if (sealed.length < HEADER + TAG || sealed[0] != VERSION) {
      throw new SealException("not a sealed attachment");
    }
    return KeyId.of(Arrays.copyOfRange(sealed, 1, 1 + KeyId.LENGTH));
  }

  /**
   * @throws SealException when it does not open with this key for this note
   */
  public static byte[] open(WorkspaceId workspace, Soul note, byte[] key, byte[] sealed)
      throws SealException {
    KeyId id = keyOf(sealed);
    byte[] nonce = Arrays.copyOfRange(sealed, 1 + KeyId.LENGTH, HEADER);
    byte[] body = Arrays.copyOfRange(sealed, HEADER, sealed.length);
    try {
      return NoteCrypto.aead(false, key, nonce, context(workspace, note, id), body);
    } catch (IllegalStateException e) {
      throw new SealException("the attachment of " + note + " does not open with its key");
    }
  }
}
