package org.rhizome.graph.merge;

import java.util.Arrays;
import java.util.Objects;
import org.rhizome.graph.model.ActorId;

/**
 * A field's value as the merge sees it: its canonical value bytes, the clock of the change that set
 * it, and that change's actor.
 */
public record FieldState(byte[] value, long hlc, ActorId actor) {
  public FieldState {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(actor, "actor");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldState f
        && f.hlc == hlc
        && f.actor.equals(actor)
        && Arrays.equals(f.value, value);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hlc) * 31 + Arrays.hashCode(value);
  }
}
