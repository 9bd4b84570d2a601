package org.rhizome.graph.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;

/**
 * Names of decision 0008. A private note's soul is {@code prv.<owner person hex>.<ULID>}: the owner
 * is in the soul, so who may share it needs no state that could race with its creation (as for
 * protected notes, decision 0004). Its keys live on the seal node {@code sys.seal.<note soul>}:
 * {@code current} (the key id later changes are sealed under), {@code readers} (the reader persons,
 * comma-separated hex) and one {@code wrap.<key id>.<device hex>} per key and reader device.
 */
public final class PrivateSouls {
  /**
   * Whether sealed payloads (a private note's, an epoch's) make at least half of a change of {@code
   * encodedLength} bytes: its ciphertext does not deflate, and what is left is too little to save
   * the tenth the log asks of a deflated body — so the log stores it as it is without trying
   * (decision 0012).
   */
  public static boolean mostlySealed(
      java.util.List<org.rhizome.graph.change.Op> ops, int encodedLength) {
    long sealed = 0;
    for (org.rhizome.graph.change.Op op : ops) {
      if (op instanceof org.rhizome.graph.change.Op.SetField set
          && set.field().equals(SEALED)
          && set.value() instanceof org.rhizome.graph.model.Value.Str s) {
        sealed += s.value().length();
      }
    }
    return 2 * sealed >= encodedLength;
  }

  public static final String PRIVATE_PREFIX = "prv.";
  public static final String SEAL_PREFIX = "sys.seal.";

  /** The field of a sealed op: the one op a change carries for each private node it changes. */
  public static final String SEALED = "sealed";

  public static final String CURRENT = "current";
  public static final String READERS = "readers";
  public static final String WRAP_PREFIX = "wrap.";

  private static final int HEX = ActorId.LENGTH * 2;

  private PrivateSouls() {}

  /** A new private note's soul, owned by {@code owner}; {@code suffix} is its ULID. */
  public static Soul privateNote(ActorId owner, String suffix) {
    return new Soul(PRIVATE_PREFIX + owner.hex() + "." + suffix);
  }

  public static boolean isPrivate(Soul soul) {
    return ownerOf(soul).isPresent();
  }

  /** The person who owns (and alone shares) a private note; empty for every other soul. */
  public static Optional<ActorId> ownerOf(Soul soul) {
    String s = soul.value();
    int end = PRIVATE_PREFIX.length() + HEX;
    if (!s.startsWith(PRIVATE_PREFIX) || s.length() < end + 2 || s.charAt(end) != '.') {
      return Optional.empty();
    }
    String hex = s.substring(PRIVATE_PREFIX.length(), end);
    return isHex(hex) ? Optional.of(ActorId.parse(hex)) : Optional.empty();
  }

  public static Soul sealOf(Soul privateNote) {
    return new Soul(SEAL_PREFIX + privateNote.value());
  }

  public static boolean isSeal(Soul soul) {
    return soul.value().startsWith(SEAL_PREFIX);
  }

  /** The private note a seal node holds the keys of; empty when it names no private note. */
  public static Optional<Soul> noteOfSeal(Soul seal) {
    if (!isSeal(seal)) {
      return Optional.empty();
    }
    String rest = seal.value().substring(SEAL_PREFIX.length());
    if (!Soul.isValid(rest)) {
      return Optional.empty();
    }
    Soul note = new Soul(rest);
    return isPrivate(note) ? Optional.of(note) : Optional.empty();
  }

  public static String wrapField(KeyId key, ActorId device) {
    return WRAP_PREFIX + key.hex() + "." + device.hex();
  }

  /** A wrap field's key and device. */
  public record Wrap(KeyId key, ActorId device) {}

  public static Optional<Wrap> parseWrap(String field) {
    int keyEnd = WRAP_PREFIX.length() + 2 * KeyId.LENGTH;
    if (!field.startsWith(WRAP_PREFIX)
        || field.length() != keyEnd + 1 + HEX
        || field.charAt(keyEnd) != '.') {
      return Optional.empty();
    }
    String key = field.substring(WRAP_PREFIX.length(), keyEnd);
    String device = field.substring(keyEnd + 1);
    if (!KeyId.isValid(key) || !isHex(device)) {
      return Optional.empty();
    }
    return Optional.of(new Wrap(new KeyId(key), ActorId.parse(device)));
  }

  /** The {@code readers} value for a set of persons. */
  public static String readersValue(List<ActorId> persons) {
    List<String> hex = new ArrayList<>();
    for (ActorId p : persons) {
      if (!hex.contains(p.hex())) {
        hex.add(p.hex());
      }
    }
    hex.sort(null);
    return String.join(",", hex);
  }

  /** The persons of a {@code readers} value; empty when it is not one. */
  public static Optional<List<ActorId>> parseReaders(String value) {
    List<ActorId> out = new ArrayList<>();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    for (String part : value.split(",", -1)) {
      if (part.length() != HEX || !isHex(part)) {
        return Optional.empty();
      }
      out.add(ActorId.parse(part));
    }
    return Optional.of(out);
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
