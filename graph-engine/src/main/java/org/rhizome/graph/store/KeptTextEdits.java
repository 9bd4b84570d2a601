package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.TextOp;

/**
 * A text field's edits as this replica keeps them (decision 0007), for replaying its history: the
 * edits of a change that counts as signed, those of a withheld change as the tombstones {@link
 * Withholding} makes of them. A replay of the log in log order through this ends with the text the
 * replica holds, and never shows a withheld edit as if it had been applied. One replay at a time;
 * judged with the role view of the connection's snapshot.
 */
public final class KeptTextEdits {
  private final @Nullable RoleView view;
  private final Map<TextDocuments.Key, Long> next = new HashMap<>();

  private KeptTextEdits(@Nullable RoleView view) {
    this.view = view;
  }

  /** Reads the role view (none in an open workspace, where every change counts). */
  public static KeptTextEdits read(Connection c) throws SQLException, StoreException {
    boolean members =
        GraphStore.readMeta(c, "membership")
            .map(MembershipMode.MEMBERS.name()::equals)
            .orElse(false);
    return new KeptTextEdits(
        members ? RoleView.build(new FieldTable(c), new ChangeLog(c), new HashMap<>()) : null);
  }

  /** Whether {@code change} has effect here (false: it is kept without effect). */
  public boolean counts(Change change) throws SQLException {
    return view == null || view.permits(change);
  }

  /**
   * The ops {@code change} made to {@code soul}'s {@code field}, as kept. Call in log order, once
   * per change, for one field per instance: a withheld change's tombstones take the next counters
   * of the local withholder, as they did when the text was built.
   */
  public List<TextOp> ops(Change change, Soul soul, String field) throws SQLException {
    List<Op.TextEdit> edits = new ArrayList<>();
    if (counts(change)) {
      for (Op op : change.ops()) {
        if (op instanceof Op.TextEdit edit) {
          edits.add(edit);
        }
      }
    } else {
      edits = Withholding.withheldEdits(change, next);
    }
    List<TextOp> out = new ArrayList<>();
    for (Op.TextEdit edit : edits) {
      if (edit.soul().equals(soul) && edit.field().equals(field)) {
        out.addAll(edit.ops());
      }
    }
    return out;
  }
}
