package org.rhizome.graph;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.store.WriteTxn;
import org.rhizome.graph.store.WriterLookups;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextOp;

/** Reading a text field's ops back from the log, and turning a whole-text edit into splices. */
final class TextFieldHistory {
  private TextFieldHistory() {}

  /**
   * Every op of a text field, in log (causal) order: for replaying the text at an older version.
   */
  static List<TextOp> ops(WriteTxn txn, Soul soul, String field)
      throws SQLException, StoreException {
    List<Long> ids = WriterLookups.textEdits(txn, soul, field);
    List<TextOp> out = new ArrayList<>();
    for (long id : ids) {
      Change change =
          txn.log()
              .loadById(id)
              .orElseThrow(
                  () -> new CorruptDatabaseException("text history names a missing change " + id));
      for (Op op : change.ops()) {
        if (op instanceof Op.TextEdit edit
            && edit.soul().equals(soul)
            && edit.field().equals(field)) {
          out.addAll(edit.ops());
        }
      }
    }
    return out;
  }

  /** See {@link org.rhizome.graph.text.SpliceTransform#diff}. */
  static List<Splice> diff(String before, String after) {
    return org.rhizome.graph.text.SpliceTransform.diff(before, after);
  }
}
