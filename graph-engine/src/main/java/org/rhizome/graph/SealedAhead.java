package org.rhizome.graph;

import java.util.List;
import java.util.Optional;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.privacy.EpochKeys;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.graph.privacy.KeyRing;
import org.rhizome.graph.privacy.NoteCrypto;
import org.rhizome.graph.privacy.PrivateSouls;
import org.rhizome.graph.privacy.SealException;

/**
 * On a verifying thread, the decryption a reader's writer would do for a remote change (decision
 * 0008), done ahead: the key wraps made for this device are unwrapped (an X25519 agreement each)
 * and the sealed ops whose key is known are opened, both kept in the {@link KeyRing} for the writer
 * to take; the body of a private note the change creates is parsed ahead like a plain one. The
 * writer still decides everything (which keys it learns, what it refuses); a guess it does not use
 * costs only the work. Thread-safe.
 */
final class SealedAhead {
  private final KeyRing ring;
  private final java.util.function.Consumer<List<Op>> parseAhead;

  SealedAhead(KeyRing ring, java.util.function.Consumer<List<Op>> parseAhead) {
    this.ring = ring;
    this.parseAhead = parseAhead;
  }

  void prepare(Change change) {
    prepare(change, change.draft().ops());
  }

  /**
   * {@code ops}: the change's signed ops, or the content of its epoch seal (decision 0009), opened
   * here when this device holds the epoch key, and prepared in turn.
   */
  private void prepare(Change change, List<Op> ops) {
    boolean sealed = false;
    for (Op op : ops) {
      if (op instanceof Op.SetField set && set.value() instanceof Value.Str s) {
        if (PrivateSouls.isSeal(set.soul())) {
          unwrapAhead(set, s.value(), change.actor());
        } else if (set.field().equals(PrivateSouls.SEALED) && PrivateSouls.isPrivate(set.soul())) {
          sealed = true;
        } else if (set.field().equals(PrivateSouls.SEALED) && EpochKeys.isEpoch(set.soul())) {
          openEpochAhead(change, s.value());
        }
      }
    }
    if (!sealed) {
      return;
    }
    for (Op op : ops) {
      if (op instanceof Op.SetField set
          && set.field().equals(PrivateSouls.SEALED)
          && PrivateSouls.isPrivate(set.soul())
          && set.value() instanceof Value.Str s) {
        openAhead(change, set.soul(), s.value());
      }
    }
  }

  private void unwrapAhead(Op.SetField set, String wrap, org.rhizome.graph.model.ActorId wrapper) {
    Optional<PrivateSouls.Wrap> w = PrivateSouls.parseWrap(set.field());
    if (w.isEmpty() || !w.get().device().equals(ring.device())) {
      return;
    }
    Optional<Soul> note = PrivateSouls.noteOfSeal(set.soul());
    if (note.isPresent()) {
      ring.unwrapAhead(note.get(), w.get().key(), wrap, wrapper);
    }
  }

  private void openEpochAhead(Change change, String payload) {
    KeyId id;
    try {
      id = NoteCrypto.keyOf(payload);
    } catch (SealException e) {
      return;
    }
    Optional<byte[]> key = ring.key(EpochKeys.EPOCH, id);
    if (key.isEmpty()) {
      return; // removed, or its key arrives with a change not applied yet: the writer decides
    }
    List<Op> inner = ring.openEpochAhead(change.actor(), change.seq(), key.get(), payload);
    if (inner != null) {
      parseAhead.accept(inner); // a plain note's new body, sealed only under the epoch key
      prepare(change, inner); // a private note's sealed op inside
    }
  }

  private void openAhead(Change change, Soul note, String payload) {
    KeyId id;
    try {
      id = NoteCrypto.keyOf(payload);
    } catch (SealException e) {
      return;
    }
    Optional<byte[]> key = ring.keyAhead(note, id);
    if (key.isEmpty()) {
      return; // not a reader of it, or its key arrives in a change not yet seen here
    }
    List<Op> inner = ring.openAhead(change.actor(), change.seq(), note, key.get(), payload);
    if (inner != null) {
      parseAhead.accept(inner);
    }
  }
}
