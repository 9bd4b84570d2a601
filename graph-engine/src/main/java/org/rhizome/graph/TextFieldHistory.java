package org.rhizome.graph;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.store.KeptTextEdits;
import org.rhizome.graph.store.WriteTxn;
import org.rhizome.graph.store.WriterLookups;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextOp;

/** Reading a text field's ops back from the log, and turning a whole-text edit into splices. */
final class TextFieldHistory {
  private TextFieldHistory() {}

  /**
   * Every op of a text field as this replica keeps it, in log (causal) order: for replaying the
   * text at an older version. A withheld change's edits (decision 0007) come as the tombstones the
   * live text holds, so an older version never shows them as applied and its offsets agree with
   * what an editor saw.
   */
  static List<TextOp> ops(WriteTxn txn, Soul soul, String field)
      throws SQLException, StoreException {
    List<Long> ids = WriterLookups.textEdits(txn, soul, field);
    KeptTextEdits kept = KeptTextEdits.read(txn.connection());
    List<TextOp> out = new ArrayList<>();
    for (long id : ids) {
      Change change =
          txn.log()
              .loadById(id)
              .orElseThrow(
                  () -> new CorruptDatabaseException("text history names a missing change " + id));
      out.addAll(kept.ops(change, soul, field));
    }
    return out;
  }

  /** See {@link org.rhizome.graph.text.SpliceTransform#diff}. */
  static List<Splice> diff(String before, String after) {
    return org.rhizome.graph.text.SpliceTransform.diff(before, after);
  }
}
