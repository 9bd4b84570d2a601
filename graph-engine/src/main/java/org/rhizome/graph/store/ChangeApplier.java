package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.api.ChangeRefusedException;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.TextFields;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.merge.FieldMerge;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.text.InvalidTextOpException;
import org.rhizome.graph.text.MissingTextDependencyException;

/**
 * Applies signature-checked changes inside the writer's open transaction: checks the change's place
 * in its actor's chain and its dependencies first (refusing it before anything is written), then
 * appends it to the log and merges its ops into the field table. Confined to the writer thread.
 */
final class ChangeApplier {
  enum Outcome {
    APPLIED,
    DUPLICATE,
    /**
     * Stored without effect: its author's role did not allow it (decision 0007); {@link
     * #lastWithheld} says why.
     */
    WITHHELD
  }

  /**
   * The hard bound on a merged text field, in code points (up to 64 MiB of UTF-8, under the text
   * snapshot's own limit). The 1 MiB limit on a local edit cannot hold for a merge — concurrent
   * edits from several devices add up — so a remote change is refused only past this much larger
   * bound, as {@link RefusalReason#TOO_LARGE}, and nothing else waits on it but its own successors.
   */
  static final int MAX_MERGED_TEXT_CODE_POINTS = 16 << 20;

  private final WorkspaceId workspace;
  private static final Comparator<Op.SetField> KEY_ORDER =
      Comparator.comparing((Op.SetField op) -> op.soul().value()).thenComparing(Op.SetField::field);

  private final ChangeLog log;
  private final TextDocuments texts;
  private final MembershipRules rules;
  private final java.sql.Connection connection;
  private String lastWithheld = "";

  /** Private notes (decision 0008); null until the workspace hands over its keys. */
  private @org.jspecify.annotations.Nullable Sealing sealing;

  void sealWith(Sealing sealing) {
    this.sealing = sealing;
  }

  ChangeApplier(
      WorkspaceId workspace,
      ChangeLog log,
      TextDocuments texts,
      MembershipRules rules,
      java.sql.Connection connection) {
    this.workspace = workspace;
    this.log = log;
    this.texts = texts;
    this.rules = rules;
    this.connection = connection;
  }

  /** Why the last {@link Outcome#WITHHELD} change was withheld. */
  String lastWithheld() {
    return lastWithheld;
  }

  /**
   * @param nodes the transaction's nodes; receives the winning writes, for reindexing
   * @throws ChangeRefusedException when the change cannot be applied; nothing was written for it
   */
  Outcome apply(Change change, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    long t = WriteStats.start();
    if (!change.workspace().equals(workspace)) {
      throw new ChangeRefusedException(
          RefusalReason.WRONG_WORKSPACE,
          "change of workspace " + change.workspace() + " offered to " + workspace);
    }
    ActorId actor = change.actor();
    ChangeLog.Head head = log.head(actor);
    if (change.seq() <= head.seq()) {
      Optional<ChangeHash> stored = log.hashAt(actor, change.seq());
      if (stored.isPresent() && stored.get().equals(change.hash())) {
        return Outcome.DUPLICATE;
      }
      throw new ChangeRefusedException(
          RefusalReason.FORKED_SEQ,
          "actor " + actor + " already has a different change #" + change.seq());
    }
    if (change.seq() > head.seq() + 1) {
      throw new ChangeRefusedException(
          RefusalReason.GAP_IN_SEQ,
          "change #" + change.seq() + " of " + actor + " arrived before #" + (head.seq() + 1));
    }
    if (!change.prev().equals(head.hash())) {
      throw new ChangeRefusedException(
          RefusalReason.FORKED_SEQ,
          "change #"
              + change.seq()
              + " of "
              + actor
              + " does not follow the stored #"
              + head.seq());
    }
    for (Map.Entry<ActorId, Long> dep : change.deps().asMap().entrySet()) {
      if (log.head(dep.getKey()).seq() < dep.getValue()) {
        throw new ChangeRefusedException(
            RefusalReason.MISSING_DEPENDENCY,
            "change #"
                + change.seq()
                + " of "
                + actor
                + " needs #"
                + dep.getValue()
                + " of "
                + dep.getKey());
      }
    }
    rules.check(change, nodes);
    if (sealing != null) {
      change = sealing.open(change, nodes); // private notes (decision 0008): what this device reads
    }
    List<Op.TextEdit> edits = textEdits(change);
    checkMergedSize(change, edits);
    // A change its author's role does not allow is kept without effect (decision 0007): later
    // changes may depend on it, and its text stays as tombstones for theirs to anchor on.
    boolean counts = rules.permits(change);
    if (!counts) {
      lastWithheld = rules.withheldBecause(change);
      edits = Withholding.withheldEdits(change, Withholding.counters(change, texts));
    }
    try {
      texts.applyAll(edits, change.hlc(), actor);
    } catch (MissingTextDependencyException e) {
      throw new ChangeRefusedException(
          RefusalReason.MISSING_DEPENDENCY,
          "change #"
              + change.seq()
              + " of "
              + actor
              + " edits text it does not have yet: "
              + e.getMessage());
    } catch (InvalidTextOpException e) {
      throw new ChangeRefusedException(
          RefusalReason.MALFORMED,
          "change #"
              + change.seq()
              + " of "
              + actor
              + " holds an invalid text edit: "
              + e.getMessage());
    }
    WriteStats.add(WriteStats.Stage.CHECK_AND_MERGE_TEXT, t);
    if (counts) {
      appendAndMerge(change, nodes);
    } else {
      log.append(change);
      Withholding.mergeFacts(change, nodes);
    }
    reconsider(change, nodes);
    return counts ? Outcome.APPLIED : Outcome.WITHHELD;
  }

  /** After an event: takes back, or gives back, the effects it changed (decision 0007). */
  private void reconsider(Change change, TouchedNodes nodes) throws SQLException, StoreException {
    RoleView[] views = rules.eventApplied(change);
    if (views != null) {
      Withholding.reconsider(views[0], views[1], log, texts, nodes, connection);
    }
  }

  /**
   * Refuses, before anything changes, a change whose inserts could take a text past the merged
   * bound.
   */
  private void checkMergedSize(Change change, List<Op.TextEdit> edits)
      throws ChangeRefusedException, SQLException, StoreException {
    Map<TextDocuments.Key, Long> inserted = new java.util.HashMap<>();
    for (Op.TextEdit edit : edits) {
      long n = 0;
      for (org.rhizome.graph.text.TextOp op : edit.ops()) {
        if (op instanceof org.rhizome.graph.text.InsertOp insert) {
          n += insert.length();
        }
      }
      inserted.merge(new TextDocuments.Key(edit.soul(), edit.field()), n, Long::sum);
    }
    for (Map.Entry<TextDocuments.Key, Long> e : inserted.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      long after = texts.get(e.getKey().soul(), e.getKey().field()).length() + e.getValue();
      if (after > MAX_MERGED_TEXT_CODE_POINTS) {
        throw new ChangeRefusedException(
            RefusalReason.TOO_LARGE,
            "change #"
                + change.seq()
                + " of "
                + change.actor()
                + " would make "
                + e.getKey().field()
                + " of "
                + e.getKey().soul()
                + " "
                + after
                + " characters long, over the merged limit of "
                + MAX_MERGED_TEXT_CODE_POINTS);
      }
    }
  }

  /** The change's text edits, after checking each op uses the merge its field is for. */
  private static List<Op.TextEdit> textEdits(Change change) throws ChangeRefusedException {
    List<Op.TextEdit> edits = new ArrayList<>();
    for (Op op : change.ops()) {
      boolean text = TextFields.isText(op.field());
      if (op instanceof Op.TextEdit edit) {
        if (!text) {
          throw new ChangeRefusedException(
              RefusalReason.NOT_ALLOWED, op.field() + " is not a text field");
        }
        edits.add(edit);
      } else if (text) {
        throw new ChangeRefusedException(
            RefusalReason.NOT_ALLOWED, op.field() + " is a text field: it takes text edits only");
      }
    }
    return edits;
  }

  /**
   * Applies this replica's own new change, made on the actor's head inside this same transaction
   * (see {@link ChangeAuthor}): the chain and dependency checks hold by construction.
   */
  void applyOwn(Change change, TouchedNodes nodes) throws SQLException, StoreException {
    long t = WriteStats.start();
    try {
      rules.check(change, nodes);
    } catch (ChangeRefusedException e) {
      throw new NotAllowedException(e.getMessage());
    }
    if (!rules.permits(change)) {
      throw new NotAllowedException(rules.withheldBecause(change));
    }
    try {
      // Ops made by splicing the live document are already held there (apply skips them); checking
      // anyway keeps a hand-made op, or a value set on a text field, from being signed and stored.
      texts.applyAll(textEdits(change), change.hlc(), change.actor());
    } catch (ChangeRefusedException | MissingTextDependencyException | InvalidTextOpException e) {
      throw new IllegalArgumentException(
          "this change would be refused by every replica: " + e.getMessage(), e);
    }
    WriteStats.add(WriteStats.Stage.CHECK_AND_MERGE_TEXT, t);
    appendAndMerge(change, nodes);
    reconsider(change, nodes);
  }

  private void appendAndMerge(Change change, TouchedNodes nodes) throws SQLException {
    log.append(change);
    long t = WriteStats.start();
    // In key order: inserts into the field table then land in sequence, which keeps its pages full.
    List<Op.SetField> sets = new ArrayList<>();
    for (Op op : change.ops()) {
      if (op instanceof Op.SetField set) {
        sets.add(set);
      }
    }
    sets.sort(KEY_ORDER);
    for (Op.SetField set : sets) {
      FieldState candidate =
          new FieldState(ValueCodec.encode(set.value()), change.hlc(), change.actor());
      FieldState current = nodes.node(set.soul()).get(set.field());
      if (current == null || FieldMerge.wins(candidate, current)) {
        nodes.set(set.soul(), set.field(), candidate);
      }
    }
    WriteStats.add(WriteStats.Stage.FIELD_ROWS, t);
  }
}
