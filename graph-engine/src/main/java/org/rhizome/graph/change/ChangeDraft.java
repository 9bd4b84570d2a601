package org.rhizome.graph.change;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * Everything of a change but its signature. {@code prev} is the hash of the actor's change {@code
 * seq - 1}, or {@link Change#NO_PREVIOUS} for seq 1. {@code deps} holds, for other actors, the seq
 * this change causally follows. Ops are non-empty and set each (soul, field) at most once.
 */
public record ChangeDraft(
    WorkspaceId workspace,
    ActorId actor,
    long seq,
    ChangeHash prev,
    long hlc,
    VersionVector deps,
    List<Op> ops) {
  public ChangeDraft {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(deps, "deps");
    ops = List.copyOf(ops);
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1, got " + seq);
    }
    if ((seq == 1) != prev.equals(Change.NO_PREVIOUS)) {
      throw new IllegalArgumentException("seq 1 and only seq 1 has no previous change");
    }
    if (hlc < 0) {
      throw new IllegalArgumentException("negative clock");
    }
    if (deps.get(actor) != 0) {
      throw new IllegalArgumentException("a change does not depend on its own actor in deps");
    }
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("a change has at least one op");
    }
    if (ops.size() > ChangeCodec.MAX_OPS) {
      throw new IllegalArgumentException("more than " + ChangeCodec.MAX_OPS + " ops");
    }
    Set<String> seen = new HashSet<>();
    for (Op op : ops) {
      if (!seen.add(op.soul().value() + '\u0000' + op.field())) {
        throw new IllegalArgumentException(
            "field " + op.field() + " of " + op.soul() + " changed twice in one change");
      }
    }
  }
}
