package org.rhizome.graph.privacy;

import java.util.List;
import java.util.Optional;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;

/**
 * What every replica checks of private notes without a key (decision 0008); the membership rules
 * call these and refuse a change {@code NOT_ALLOWED} with the reason returned. Each rule reads only
 * the change and the author's person (the owner is in the note's soul), so every replica decides
 * the same way whatever order changes arrive in.
 */
public final class SealRules {
  private SealRules() {}

  /**
   * A signed op on a private note must be its one sealed op: a plaintext title or body would be
   * shown by every replica.
   */
  public static Optional<String> checkSignedOp(Op op) {
    if (!PrivateSouls.isPrivate(op.soul())) {
      return Optional.empty();
    }
    if (op instanceof Op.SetField set
        && set.field().equals(PrivateSouls.SEALED)
        && set.value() instanceof Value.Str s) {
      try {
        NoteCrypto.keyOf(s.value());
        return Optional.empty();
      } catch (SealException e) {
        return Optional.of(op.soul() + " is private: " + e.getMessage());
      }
    }
    return Optional.of(
        op.soul() + " is private: it takes sealed ops only, not " + op.field() + " in the clear");
  }

  /**
   * A field of a seal node: only the note's owner's devices set it, and only {@code current} (a key
   * id), {@code readers} (persons, the owner among them) and key wraps of the right shape.
   *
   * @param person the person of the change's author
   */
  public static Optional<String> checkSealField(Op.SetField set, ActorId person) {
    Soul seal = set.soul();
    Optional<Soul> note = PrivateSouls.noteOfSeal(seal);
    if (note.isEmpty()) {
      return Optional.of(seal + " names no private note");
    }
    ActorId owner = PrivateSouls.ownerOf(note.get()).orElseThrow();
    if (!owner.equals(person)) {
      return Optional.of(
          "only the owner's devices may share or rotate the keys of "
              + note.get()
              + " ("
              + seal
              + ")");
    }
    if (!(set.value() instanceof Value.Str s)) {
      return Optional.of(set.field() + " of " + seal + " is a string");
    }
    String field = set.field();
    if (field.equals(PrivateSouls.CURRENT)) {
      return KeyId.isValid(s.value())
          ? Optional.empty()
          : Optional.of("current of " + seal + " is a key id");
    }
    if (field.equals(PrivateSouls.READERS)) {
      Optional<List<ActorId>> readers = PrivateSouls.parseReaders(s.value());
      if (readers.isEmpty() || !readers.get().contains(owner)) {
        return Optional.of("readers of " + seal + " is a list of persons, the owner among them");
      }
      return Optional.empty();
    }
    if (PrivateSouls.parseWrap(field).isPresent()) {
      return NoteCrypto.looksLikeWrap(s.value())
          ? Optional.empty()
          : Optional.of(field + " of " + seal + " is not a key wrap");
    }
    return Optional.of(field + " is not a field of " + seal);
  }
}
