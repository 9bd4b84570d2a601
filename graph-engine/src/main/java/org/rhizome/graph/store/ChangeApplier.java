package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.ActorId;
import org.rhizome.graph.ChangeHash;
import org.rhizome.graph.WorkspaceId;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeRefusedException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.RefusalReason;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.merge.FieldMerge;
import org.rhizome.graph.merge.FieldState;

/**
 * Applies signature-checked changes inside the writer's open transaction: checks the change's place
 * in its actor's chain and its dependencies first (refusing it before anything is written), then
 * appends it to the log and merges its ops into the field table. Confined to the writer thread.
 */
final class ChangeApplier {
  enum Outcome { APPLIED, DUPLICATE }

  private final WorkspaceId workspace;
  private static final Comparator<Op> KEY_ORDER =
      Comparator.comparing((Op op) -> op.soul().value()).thenComparing(op -> ((Op.SetField) op).field());

  private final ChangeLog log;

  ChangeApplier(WorkspaceId workspace, ChangeLog log) {
    this.workspace = workspace;
    this.log = log;
  }

  /**
   * @param nodes the transaction's nodes; receives the winning writes, for reindexing
   * @throws ChangeRefusedException when the change cannot be applied; nothing was written for it
   */
  Outcome apply(Change change, TouchedNodes nodes) throws ChangeRefusedException, SQLException {
    if (!change.workspace().equals(workspace)) {
      throw new ChangeRefusedException(RefusalReason.WRONG_WORKSPACE,
          "change of workspace " + change.workspace() + " offered to " + workspace);
    }
    ActorId actor = change.actor();
    ChangeLog.Head head = log.head(actor);
    if (change.seq() <= head.seq()) {
      Optional<ChangeHash> stored = log.hashAt(actor, change.seq());
      if (stored.isPresent() && stored.get().equals(change.hash())) {
        return Outcome.DUPLICATE;
      }
      throw new ChangeRefusedException(RefusalReason.FORKED_SEQ,
          "actor " + actor + " already has a different change #" + change.seq());
    }
    if (change.seq() > head.seq() + 1) {
      throw new ChangeRefusedException(RefusalReason.GAP_IN_SEQ,
          "change #" + change.seq() + " of " + actor + " arrived before #" + (head.seq() + 1));
    }
    if (!change.prev().equals(head.hash())) {
      throw new ChangeRefusedException(RefusalReason.FORKED_SEQ,
          "change #" + change.seq() + " of " + actor + " does not follow the stored #" + head.seq());
    }
    for (Map.Entry<ActorId, Long> dep : change.deps().asMap().entrySet()) {
      if (log.head(dep.getKey()).seq() < dep.getValue()) {
        throw new ChangeRefusedException(RefusalReason.MISSING_DEPENDENCY,
            "change #" + change.seq() + " of " + actor + " needs #" + dep.getValue() + " of " + dep.getKey());
      }
    }
    appendAndMerge(change, nodes);
    return Outcome.APPLIED;
  }

  /**
   * Applies this replica's own new change, made on the actor's head inside this same transaction
   * (see {@link ChangeAuthor}): the chain and dependency checks hold by construction.
   */
  void applyOwn(Change change, TouchedNodes nodes) throws SQLException {
    appendAndMerge(change, nodes);
  }

  private void appendAndMerge(Change change, TouchedNodes nodes) throws SQLException {
    log.append(change);
    // In key order: inserts into the field table then land in sequence, which keeps its pages full.
    List<Op> ops = new ArrayList<>(change.ops());
    ops.sort(KEY_ORDER);
    for (Op op : ops) {
      Op.SetField set = (Op.SetField) op;
      FieldState candidate = new FieldState(ValueCodec.encode(set.value()), change.hlc(), change.actor());
      FieldState current = nodes.node(set.soul()).get(set.field());
      if (current == null || FieldMerge.wins(candidate, current)) {
        nodes.set(set.soul(), set.field(), candidate);
      }
    }
  }
}
