package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.api.ChangeRefusedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.TextDocument;

/**
 * One write transaction on the writer thread. Changes applied through it, and the index rows they
 * imply, commit together or not at all. Confined to the writer thread for the duration of one
 * {@link GraphStore#write} task.
 */
public final class WriteTxn {
  private final GraphStore.Writer writer;
  private final TouchedNodes nodes;
  private final List<Change> applied = new ArrayList<>();

  WriteTxn(GraphStore.Writer writer) {
    this.writer = writer;
    this.nodes = new TouchedNodes(writer.fields);
    writer.texts.begin(nodes);
  }

  /**
   * Applies a change whose signature the caller has verified (or that this replica just signed).
   *
   * @return true when applied, false when it was already stored (a duplicate is not an error)
   * @throws ChangeRefusedException when it does not fit the log; nothing was written for it —
   *     except for a {@link RefusalReason#NOT_ALLOWED} change by a member whose role did not allow
   *     it, which is stored without effect (decision 0007)
   */
  public boolean apply(Change change) throws ChangeRefusedException, SQLException, StoreException {
    ChangeApplier.Outcome outcome = writer.applier.apply(change, nodes);
    if (outcome == ChangeApplier.Outcome.WITHHELD) {
      // Stored, so that what depends on it applies, but without effect: refused all the same.
      applied.add(change);
      throw new ChangeRefusedException(
          RefusalReason.NOT_ALLOWED,
          writer.applier.lastWithheld() + " (kept without effect, for the changes that follow it)");
    }
    if (outcome == ChangeApplier.Outcome.APPLIED) {
      applied.add(change);
      return true;
    }
    return false;
  }

  /**
   * As {@link #apply(Change)}, for a change already packed for the log by the thread that verified
   * it ({@link ChangeLog#pack}): the writer then does not deflate it.
   */
  public boolean apply(ChangeLog.Packed packed)
      throws ChangeRefusedException, SQLException, StoreException {
    writer.log.offer(packed);
    return apply(packed.change());
  }

  /**
   * Applies this device's own change, just made on its head in this transaction by {@link
   * ChangeAuthor}.
   */
  void applyOwn(Change change) throws SQLException, StoreException {
    writer.applier.applyOwn(change, nodes);
    applied.add(change);
  }

  /** This device's ops with those on private notes sealed (decision 0008). */
  List<org.rhizome.graph.change.Op> sealOwn(long seq, List<org.rhizome.graph.change.Op> ops)
      throws SQLException, StoreException {
    return writer.sealing == null ? ops : writer.sealing.seal(seq, ops, nodes);
  }

  /** This device's ops with the epoch key fields its change #seq must carry (decision 0009). */
  List<org.rhizome.graph.change.Op> withEpochKeys(long seq, List<org.rhizome.graph.change.Op> ops)
      throws SQLException, StoreException {
    return writer.sealing == null ? ops : writer.sealing.withEpochKeys(seq, ops, nodes);
  }

  public ChangeLog log() {
    return writer.log;
  }

  /**
   * A statement on the write connection, prepared once and reused by later transactions: for
   * queries that must see this transaction's own writes. Do not close it.
   */
  PreparedStatement prepare(String sql) throws SQLException {
    return writer.prepare(sql);
  }

  /** The write connection, for reads that must see this transaction's own writes. */
  public Connection connection() {
    return writer.connection;
  }

  List<Change> applied() {
    return applied;
  }

  /**
   * The live document of a text field, for making this device's edits with {@link
   * TextDocument#splice} or {@link TextDocument#replaceWith}; commit the ops they return in this
   * transaction (if it fails, the edits are dropped with it).
   */
  public TextDocument text(Soul soul, String field) throws SQLException, StoreException {
    return writer.texts.get(soul, field);
  }

  /**
   * The live document of a text field with its timeline: the effects of the changes it went through
   * lately, to rebase an editor's splices made on an earlier version.
   */
  public org.rhizome.graph.text.TextTimeline timeline(Soul soul, String field)
      throws SQLException, StoreException {
    return writer.texts.live(soul, field).timeline;
  }

  /**
   * Tags the next text edit committed in this transaction with {@code origin}, for the feed's
   * {@link org.rhizome.graph.text.TextChange}.
   */
  public void tagTextEdit(long origin) {
    writer.texts.tagNext(origin);
  }

  /** Writes what the transaction deferred (heads, texts, index rows): call it before the commit. */
  void reindexTouched() throws SQLException, StoreException {
    writer.log.flushHeads();
    long t = WriteStats.start();
    writer.texts.flush(nodes);
    WriteStats.add(WriteStats.Stage.TEXT_SNAPSHOTS, t);
    t = WriteStats.start();
    writer.index.begin();
    for (Soul soul : nodes.changed()) {
      writer.index.reindex(
          soul, nodes.node(soul), nodes.isFresh(soul), nodes.changedValues(soul), nodes);
    }
    writer.index.flushFts();
    WriteStats.add(WriteStats.Stage.INDEX_ROWS, t);
  }
}
