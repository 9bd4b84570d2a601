package org.rhizome.graph.privacy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.SealedOps;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The note keys this device holds, in memory only: each is learnt by opening its wrap (a field of
 * the note's seal node) with this device's key, so no key rests on disk in the clear. Thread-safe.
 */
public final class KeyRing {
  private final WorkspaceId workspace;
  private final ActorId device;
  private final byte[] x25519Private;
  private final SecureRandom random;
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  /**
   * This device's X25519 agreement with each device it wrapped keys for or opened wraps from
   * (decision 0012): one multiplication per pair, not per wrap. In memory only, like the keys.
   */
  private final Map<ActorId, byte[]> agreements = new ConcurrentHashMap<>();

  /** Agreements kept at most (a team has a few thousand devices at most; past it, emptied). */
  private static final int MAX_AGREEMENTS = 16_384;

  private final OpenedAhead ahead = new OpenedAhead();

  public KeyRing(WorkspaceId workspace, DeviceKey key, SecureRandom random) {
    this.workspace = workspace;
    this.device = key.actor();
    this.x25519Private = X25519Keys.privateKey(key.seed());
    this.random = random;
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  /** This device. */
  public ActorId device() {
    return device;
  }

  public SecureRandom random() {
    return random;
  }

  public Optional<byte[]> key(Soul note, KeyId id) {
    return Optional.ofNullable(keys.get(name(note, id)));
  }

  /** Remembers a key this device made (a new note, a rotation) before its wraps are stored. */
  public void remember(Soul note, KeyId id, byte[] key) {
    keys.put(name(note, id), key.clone());
  }

  /**
   * Opens a wrap made for this device by {@code wrapper} (the device that wrote it: the change's
   * author, the stored field's writer) and remembers its key.
   *
   * @throws SealException when it does not open for this note, key and device
   */
  public byte[] learn(Soul note, KeyId id, String wrap, ActorId wrapper) throws SealException {
    byte[] key = ahead.takeUnwrapped(note, id, wrap, wrapper);
    if (key == null) {
      key = unwrap(note, id, wrap, wrapper);
    }
    keys.put(name(note, id), key);
    return key;
  }

  /** Opens a wrap of either version (0008's, or 0012's pairwise one) made for this device. */
  private byte[] unwrap(Soul note, KeyId id, String wrap, ActorId wrapper) throws SealException {
    Soul seal = PrivateSouls.sealOf(note);
    if (NoteCrypto.isPairwise(wrap)) {
      return NoteCrypto.unwrapPairwise(
          workspace, seal, id, device, wrapper, agreementWith(wrapper), wrap);
    }
    return NoteCrypto.unwrap(workspace, seal, id, device, x25519Private, wrap);
  }

  /** This device's X25519 agreement with {@code other}, computed once. */
  private byte[] agreementWith(ActorId other) throws SealException {
    byte[] known = agreements.get(other);
    if (known == null) {
      known = NoteCrypto.agreement(x25519Private, other);
      if (agreements.size() >= MAX_AGREEMENTS) {
        agreements.clear();
      }
      agreements.put(other, known);
    }
    return known;
  }

  /**
   * Opens, ahead of the writer (on a verifying thread), a wrap made for this device, so that the
   * writer's {@link #learn} of the same wrap takes the key instead of unwrapping it. Learns
   * nothing: the writer still decides. A wrap that does not open is left for the writer to refuse.
   */
  public void unwrapAhead(Soul note, KeyId id, String wrap, ActorId wrapper) {
    String name = name(note, id);
    if (keys.containsKey(name)) {
      return;
    }
    try {
      byte[] key = unwrap(note, id, wrap, wrapper);
      ahead.unwrapped(note, id, name, wrap, wrapper, key);
    } catch (SealException e) {
      // the writer unwraps it again and refuses it
    }
  }

  /** A key held, or one {@link #unwrapAhead} opened and the writer has not learnt yet. */
  public Optional<byte[]> keyAhead(Soul note, KeyId id) {
    String name = name(note, id);
    byte[] key = keys.get(name);
    return Optional.ofNullable(key != null ? key : ahead.unwrappedKey(name));
  }

  /**
   * As {@link #open}, ahead of the writer: the ops are kept for its {@link #openTaking} of the same
   * payload with the same key. Returns them, or null when the payload does not open.
   */
  public @org.jspecify.annotations.Nullable List<Op> openAhead(
      ActorId author, long seq, Soul note, byte[] key, String payload) {
    try {
      List<Op> ops = open(workspace, author, seq, note, key, payload);
      ahead.opened(author, seq, note, key, payload, ops);
      return ops;
    } catch (SealException e) {
      return null; // the writer opens it again and refuses it
    }
  }

  /**
   * As {@link EpochKeys#open}, ahead of the writer (decision 0009): the ops are kept for its {@link
   * #openEpochTaking} of the same payload with the same key. Returns them, or null when the payload
   * does not open.
   */
  public @org.jspecify.annotations.Nullable List<Op> openEpochAhead(
      ActorId author, long seq, byte[] key, String payload) {
    try {
      List<Op> ops = EpochKeys.open(workspace, author, seq, key, payload);
      ahead.opened(author, seq, EpochKeys.EPOCH, key, payload, ops);
      return ops;
    } catch (SealException e) {
      return null; // the writer opens it again and refuses it
    }
  }

  /** {@link EpochKeys#open}, taking the ops {@link #openEpochAhead} kept for these inputs. */
  public List<Op> openEpochTaking(ActorId author, long seq, byte[] key, String payload)
      throws SealException {
    List<Op> kept = ahead.takeOpened(author, seq, EpochKeys.EPOCH, key, payload);
    return kept != null ? kept : EpochKeys.open(workspace, author, seq, key, payload);
  }

  /** {@link #open} in this workspace, taking the ops {@link #openAhead} kept for these inputs. */
  public List<Op> openTaking(ActorId author, long seq, Soul note, byte[] key, String payload)
      throws SealException {
    List<Op> kept = ahead.takeOpened(author, seq, note, key, payload);
    return kept != null ? kept : open(workspace, author, seq, note, key, payload);
  }

  /** Wraps a key of {@code note} for {@code reader}, from this device (a pairwise wrap, 0012). */
  public String wrapFor(Soul note, KeyId id, byte[] key, ActorId reader) {
    byte[] shared;
    try {
      shared = agreementWith(reader);
    } catch (SealException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return NoteCrypto.wrapPairwise(
        workspace, PrivateSouls.sealOf(note), id, key, reader, device, shared, random);
  }

  /** The one sealed op holding {@code ops} (all on {@code note}) of this device's change #seq. */
  public Op.SetField seal(Soul note, KeyId id, byte[] key, long seq, List<Op> ops) {
    String payload =
        NoteCrypto.seal(
            NoteCrypto.COMPACT,
            workspace,
            device,
            seq,
            note,
            id,
            key,
            CompactOps.encode(device, note, ops),
            random);
    return new Op.SetField(note, PrivateSouls.SEALED, Value.of(payload));
  }

  /**
   * Opens the sealed op of {@code author}'s change #seq on {@code note} with {@code key}: its ops,
   * each checked to be on that note.
   *
   * @throws SealException when it does not open, or holds what a sealed op may not
   */
  public static List<Op> open(
      WorkspaceId workspace, ActorId author, long seq, Soul note, byte[] key, String payload)
      throws SealException {
    byte[] plain = NoteCrypto.open(workspace, author, seq, note, key, payload);
    List<Op> ops;
    try {
      ops =
          NoteCrypto.versionOf(payload) == NoteCrypto.COMPACT
              ? CompactOps.decode(author, note, plain)
              : SealedOps.decode(author, plain);
    } catch (MalformedChangeException e) {
      throw new SealException("the sealed op holds malformed ops: " + e.getMessage());
    }
    for (Op op : ops) {
      if (!op.soul().equals(note) || op.field().equals(PrivateSouls.SEALED)) {
        throw new SealException("a sealed op of " + note + " may change only that note's fields");
      }
    }
    return ops;
  }

  private static String name(Soul note, KeyId id) {
    return note.value() + '/' + id.hex();
  }
}
