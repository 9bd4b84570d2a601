package org.rhizome.graph.change;

import java.util.List;
import java.util.Objects;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.text.TextOp;

/** One operation of a change. */
public sealed interface Op {

  Soul soul();

  String field();

  /** Sets one field of one node; the value merges by last-writer-wins on the change's clock. */
  record SetField(Soul soul, String field, Value value) implements Op {
    public SetField {
      Objects.requireNonNull(soul, "soul");
      Objects.requireNonNull(value, "value");
      FieldNames.check(field);
    }
  }

  /**
   * Edits a text field (a sequence CRDT, see docs/text-crdt.md): insert and delete ops by the
   * change's actor, which merge character by character with concurrent edits.
   */
  record TextEdit(Soul soul, String field, List<TextOp> ops) implements Op {
    public TextEdit {
      Objects.requireNonNull(soul, "soul");
      FieldNames.check(field);
      ops = List.copyOf(ops);
      if (ops.isEmpty()) {
        throw new IllegalArgumentException("a text edit has at least one op");
      }
    }
  }
}
