package org.rhizome.graph.privacy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.SealedOps;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The workspace's epoch keys (decision 0009): made when someone is removed or a device revoked,
 * wrapped for every device in good standing, and from then on the key every change's content is
 * sealed under. They live on one reserved node, {@code sys.epoch}: {@code key.<key id>} (its
 * generation, a whole number: one more than the newest its maker knew) and {@code wrap.<key
 * id>.<device hex>}, one per key and device. A change's sealed content is one op {@code sealed} on
 * that node. Wraps and seals are those of private notes ({@link NoteCrypto}, the wraps made and
 * opened by {@link KeyRing} as for a note named {@code sys.epoch}), with the node's name in their
 * context, so a note's wrap or payload never opens as an epoch's, nor the other way.
 */
public final class EpochKeys {
  public static final Soul EPOCH = new Soul("sys.epoch");
  public static final String KEY_PREFIX = "key.";

  /** The highest generation a key may carry (a whole number a double holds exactly). */
  public static final long MAX_GENERATION = 1L << 31;

  private EpochKeys() {}

  public static boolean isEpoch(Soul soul) {
    return soul.equals(EPOCH);
  }

  public static String keyField(KeyId id) {
    return KEY_PREFIX + id.hex();
  }

  /** The key id a {@code key.<id>} field names. */
  public static Optional<KeyId> parseKeyField(String field) {
    if (!field.startsWith(KEY_PREFIX) || field.length() != KEY_PREFIX.length() + 2 * KeyId.LENGTH) {
      return Optional.empty();
    }
    String hex = field.substring(KEY_PREFIX.length());
    return KeyId.isValid(hex) ? Optional.of(new KeyId(hex)) : Optional.empty();
  }

  /** The wrap field of key {@code id} for {@code device} (the shape of a note's wrap field). */
  public static String wrapField(KeyId id, ActorId device) {
    return PrivateSouls.wrapField(id, device);
  }

  /**
   * What every replica checks of a field of {@code sys.epoch} without a key: its shape only, so
   * that every replica decides alike whatever order changes arrive in (who may make it is the role
   * view's question). Empty when it is well formed, else why not.
   */
  public static Optional<String> checkField(Op.SetField set) {
    String field = set.field();
    if (field.equals(PrivateSouls.SEALED)) {
      if (!(set.value() instanceof Value.Str s)) {
        return Optional.of("the sealed content of a change is a string");
      }
      try {
        NoteCrypto.keyOf(s.value());
        return Optional.empty();
      } catch (SealException e) {
        return Optional.of("the sealed content of a change: " + e.getMessage());
      }
    }
    if (parseKeyField(field).isPresent()) {
      if (set.value() instanceof Value.Num n
          && n.value() >= 1
          && n.value() <= MAX_GENERATION
          && n.value() == Math.rint(n.value())) {
        return Optional.empty();
      }
      return Optional.of(field + " of " + EPOCH + " is a generation, a whole number from 1");
    }
    if (PrivateSouls.parseWrap(field).isPresent()) {
      return set.value() instanceof Value.Str s && NoteCrypto.looksLikeWrap(s.value())
          ? Optional.empty()
          : Optional.of(field + " of " + EPOCH + " is not a key wrap");
    }
    return Optional.of(field + " is not a field of " + EPOCH);
  }

  /** The one op holding {@code ops}, the content of {@code author}'s change #seq. */
  public static Op.SetField seal(
      WorkspaceId workspace,
      ActorId author,
      long seq,
      KeyId id,
      byte[] key,
      List<Op> ops,
      SecureRandom random) {
    String payload =
        NoteCrypto.seal(
            NoteCrypto.COMPACT,
            workspace,
            author,
            seq,
            EPOCH,
            id,
            key,
            CompactOps.encode(author, null, ops),
            random);
    return new Op.SetField(EPOCH, PrivateSouls.SEALED, Value.of(payload));
  }

  /** Whether {@code op} may be sealed under an epoch key: all but the reserved nodes' fields. */
  public static boolean sealable(Op op) {
    return !op.soul().value().startsWith("sys.");
  }

  /**
   * Opens the sealed content of {@code author}'s change #seq: its ops, each checked to be one a
   * change may seal (no reserved node; a private note's ops still sealed under its note key).
   *
   * @throws SealException when it does not open, or holds what sealed content may not
   */
  public static List<Op> open(
      WorkspaceId workspace, ActorId author, long seq, byte[] key, String payload)
      throws SealException {
    byte[] plain = NoteCrypto.open(workspace, author, seq, EPOCH, key, payload);
    List<Op> ops;
    try {
      ops =
          NoteCrypto.versionOf(payload) == NoteCrypto.COMPACT
              ? CompactOps.decode(author, null, plain)
              : SealedOps.decode(author, plain);
    } catch (MalformedChangeException e) {
      throw new SealException("the sealed content holds malformed ops: " + e.getMessage());
    }
    List<Op> out = new ArrayList<>(ops.size());
    for (Op op : ops) {
      if (!sealable(op)) {
        throw new SealException("sealed content may not change the reserved node " + op.soul());
      }
      Optional<String> clear = SealRules.checkSignedOp(op);
      if (clear.isPresent()) {
        throw new SealException(clear.get());
      }
      out.add(op);
    }
    return out;
  }

  /**
   * The private-network secret of an epoch (decision 0009): HKDF-SHA256 of the epoch key, salted
   * with the workspace id, so whoever holds the key derives it and nobody else can.
   */
  public static byte[] networkSecret(WorkspaceId workspace, byte[] epochKey) {
    org.bouncycastle.crypto.generators.HKDFBytesGenerator hkdf =
        new org.bouncycastle.crypto.generators.HKDFBytesGenerator(
            new org.bouncycastle.crypto.digests.SHA256Digest());
    hkdf.init(
        new org.bouncycastle.crypto.params.HKDFParameters(
            epochKey,
            workspace.toBytes(),
            "rhizome/pnet/epoch/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  /** The key id a sealed payload names, or empty when it is not one. */
  public static Optional<KeyId> keyOf(Op op) {
    if (!(op instanceof Op.SetField set)
        || !isEpoch(set.soul())
        || !set.field().equals(PrivateSouls.SEALED)
        || !(set.value() instanceof Value.Str s)) {
      return Optional.empty();
    }
    try {
      return Optional.of(NoteCrypto.keyOf(s.value()));
    } catch (SealException e) {
      return Optional.empty();
    }
  }
}
