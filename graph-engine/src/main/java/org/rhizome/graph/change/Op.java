package org.rhizome.graph.change;

import java.util.Objects;
import org.rhizome.graph.Soul;
import org.rhizome.graph.Value;

/** One operation of a change. */
public sealed interface Op {

  Soul soul();

  /** Sets one field of one node; the value merges by last-writer-wins on the change's clock. */
  record SetField(Soul soul, String field, Value value) implements Op {
    public SetField {
      Objects.requireNonNull(soul, "soul");
      Objects.requireNonNull(value, "value");
      FieldNames.check(field);
    }
  }
}
