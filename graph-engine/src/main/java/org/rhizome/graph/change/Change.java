package org.rhizome.graph.change;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * A signed change: the unit of every edit, of the log, of sync and of history. Immutable. A {@code
 * Change} always carries its canonical bytes; it is made only by {@link #sign} (a new local change)
 * or {@link ChangeCodec#decode} (bytes from the log or a peer), so its fields and bytes agree. A
 * decoded change's signature is not yet verified: call {@link #hasValidSignature()}.
 */
public final class Change {
  /** The previous-hash of an actor's first change. */
  public static final ChangeHash NO_PREVIOUS = ChangeHash.of(new byte[ChangeHash.LENGTH]);

  private final ChangeDraft draft;
  private final byte[] encoded;
  private final ChangeHash hash;

  /**
   * The ops this replica sees: the draft's, or for a change with sealed ops (decision 0008) the
   * ones it could open in their place.
   */
  private final List<Op> visible;

  Change(ChangeDraft draft, byte[] encoded) {
    this.draft = draft;
    this.encoded = encoded;
    this.hash = ChangeHash.of(sha256(encoded));
    this.visible = draft.ops();
  }

  /** The same signed change, seen with other ops (its sealed ops opened or left out). */
  Change(Change signed, List<Op> visible) {
    this.draft = signed.draft;
    this.encoded = signed.encoded;
    this.hash = signed.hash;
    this.visible = List.copyOf(visible);
  }

  /** Encodes and signs a draft with the actor's key. */
  public static Change sign(ChangeDraft draft, DeviceKey key) {
    if (!draft.actor().equals(key.actor())) {
      throw new IllegalArgumentException("the draft's actor is not the signing key");
    }
    byte[] unsigned = ChangeCodec.encodeUnsigned(draft);
    byte[] sig = key.sign(unsigned, 0, unsigned.length);
    byte[] encoded = new byte[unsigned.length + sig.length];
    System.arraycopy(unsigned, 0, encoded, 0, unsigned.length);
    System.arraycopy(sig, 0, encoded, unsigned.length, sig.length);
    return new Change(draft, encoded);
  }

  /** Checks the Ed25519 signature over the canonical bytes. Costs one verification (~80 µs). */
  public boolean hasValidSignature() {
    int signed = encoded.length - DeviceKey.SIGNATURE_LENGTH;
    return DeviceKey.verify(actor(), encoded, 0, signed, encoded, signed);
  }

  public WorkspaceId workspace() {
    return draft.workspace();
  }

  public ActorId actor() {
    return draft.actor();
  }

  public long seq() {
    return draft.seq();
  }

  public ChangeHash prev() {
    return draft.prev();
  }

  /** The hybrid logical clock of every op in this change. */
  public long hlc() {
    return draft.hlc();
  }

  /** The wall-clock time (Unix millis) of the change's hybrid clock stamp. */
  public long millis() {
    return org.rhizome.graph.clock.Hlc.millis(hlc());
  }

  public VersionVector deps() {
    return draft.deps();
  }

  /**
   * The ops as this replica sees them: as signed, except that a sealed op (decision 0008) is
   * replaced by the ops it holds when this replica could open it, and left out when not. {@link
   * #draft()} keeps the ops as signed.
   */
  public List<Op> ops() {
    return visible;
  }

  /** Whether {@link #ops()} differ from the signed ops (some were sealed). */
  public boolean isOpened() {
    return visible != draft.ops();
  }

  public ChangeHash hash() {
    return hash;
  }

  /** The canonical bytes, signature included (a copy). */
  public byte[] encoded() {
    return encoded.clone();
  }

  public int encodedLength() {
    return encoded.length;
  }

  /** The canonical bytes without copying; callers must not modify them. */
  byte[] encodedUnsafe() {
    return encoded;
  }

  public ChangeDraft draft() {
    return draft;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Change c && c.hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Change("
        + actor().hex().substring(0, 12)
        + "…#"
        + seq()
        + ", "
        + ops().size()
        + " ops)";
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
