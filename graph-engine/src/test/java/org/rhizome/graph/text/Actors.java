package org.rhizome.graph.text;

import org.rhizome.graph.model.ActorId;

/** Deterministic actor ids for tests: {@code of(i)} sorts by {@code i}. */
final class Actors {
  private Actors() {}

  static ActorId of(int i) {
    byte[] b = new byte[ActorId.LENGTH];
    b[0] = (byte) (i >>> 8);
    b[1] = (byte) i;
    b[31] = 7;
    return ActorId.of(b);
  }
}
