package org.rhizome.graph.identity;

import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;

/**
 * Actors' Ed25519 public keys decoded to curve points, kept so that verifying the next change of
 * the same actor skips decoding its key (a square root in the field, about a sixth of a
 * verification). A team has a handful of actors, so the table stays small; past {@link #MAX_KEYS}
 * it is emptied and fills again. Keys that do not decode are not kept. Thread-safe.
 *
 * <p>The point comes from {@link Ed25519#validatePublicKeyPartialExport}, which makes the same
 * checks of the key (canonical encoding, not a small-order point, on the curve) as verifying with
 * the key's bytes does, so a signature verifies here exactly when it verifies there.
 */
final class VerifyingKeys {
  static final int MAX_KEYS = 4096;

  private static final ConcurrentHashMap<ActorId, Ed25519.PublicPoint> POINTS =
      new ConcurrentHashMap<>();

  private VerifyingKeys() {}

  /** The decoded key of {@code actor}, or null when its bytes are not a valid Ed25519 key. */
  static Ed25519.@Nullable PublicPoint of(ActorId actor) {
    Ed25519.PublicPoint p = POINTS.get(actor);
    if (p != null) {
      return p;
    }
    p = Ed25519.validatePublicKeyPartialExport(actor.toBytes(), 0);
    if (p != null) {
      if (POINTS.size() >= MAX_KEYS) {
        POINTS.clear();
      }
      POINTS.put(actor, p);
    }
    return p;
  }

  /** How many keys are held (for tests). */
  static int size() {
    return POINTS.size();
  }
}
