package org.rhizome.graph.text;

import java.util.Objects;
import org.rhizome.graph.model.ActorId;

/**
 * The id of one text event (one inserted code point, or one deleted one): the actor that made it
 * and that actor's event counter in this document, counted from 0. A run of {@code n} events has
 * the ids {@code seq .. seq + n - 1}.
 */
public record TextId(ActorId actor, long seq) {
  /** The largest counter an actor may reach in one document. */
  public static final long MAX_SEQ = Integer.MAX_VALUE - 16;

  public TextId {
    Objects.requireNonNull(actor, "actor");
    if (seq < 0 || seq > MAX_SEQ) {
      throw new IllegalArgumentException("text seq out of range: " + seq);
    }
  }

  /** The id {@code delta} events further on from the same actor. */
  public TextId plus(long delta) {
    return new TextId(actor, seq + delta);
  }

  @Override
  public String toString() {
    return actor.hex().substring(0, 8) + "@" + seq;
  }
}
