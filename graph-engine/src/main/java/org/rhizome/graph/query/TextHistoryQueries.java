package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.store.ChangeLog;
import org.rhizome.graph.store.KeptTextEdits;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextException;
import org.rhizome.graph.text.TextOp;

/**
 * A text field's history, read from the change log: its versions, and its text as of any of them,
 * rebuilt by replaying the field's edits in log order (a causal order) up to that version. The text
 * "as of" a version is as this replica had it right after that change arrived. Changes kept without
 * effect (decision 0007) are no versions and replay as tombstones ({@link KeptTextEdits}), whether
 * they were withheld on arrival or taken back by a later removal.
 */
public final class TextHistoryQueries {
  private TextHistoryQueries() {}

  /**
   * The changes that edited the field and have effect here, newest first, at most {@code limit}. A
   * change kept without effect (decision 0007: its author's role did not allow it) made no version.
   */
  public static List<TextVersionInfo> versions(Connection c, Soul soul, String field, int limit)
      throws SQLException, StoreException {
    KeptTextEdits kept = KeptTextEdits.read(c);
    ChangeLog log = new ChangeLog(c);
    List<TextVersionInfo> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.hash, a.key, l.seq, l.hlc FROM text_edit t"
                + " JOIN change_log l ON l.id = t.log_id JOIN actor a ON a.id = l.actor"
                + " WHERE t.soul = ? AND t.name = ? ORDER BY t.log_id DESC")) {
      ps.setString(1, soul.value());
      ps.setString(2, field);
      try (ResultSet rs = ps.executeQuery()) {
        while (out.size() < limit && rs.next()) {
          TextVersionInfo v =
              new TextVersionInfo(
                  rs.getLong(1),
                  ChangeHash.of(rs.getBytes(2)),
                  ActorId.of(rs.getBytes(3)),
                  rs.getLong(4),
                  rs.getLong(5));
          if (kept.counts(load(log, v.logPosition()))) {
            out.add(v);
          }
        }
      }
    }
    return out;
  }

  /** Every change that edited the field, kept or withheld, oldest first: the replay order. */
  private static List<Long> edits(Connection c, Soul soul, String field, long upTo)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT log_id FROM text_edit WHERE soul = ? AND name = ? AND log_id <= ?"
                + " ORDER BY log_id")) {
      ps.setString(1, soul.value());
      ps.setString(2, field);
      ps.setLong(3, upTo);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static Change load(ChangeLog log, long id) throws SQLException, StoreException {
    return log.loadById(id)
        .orElseThrow(
            () -> new CorruptDatabaseException("text history names a missing change " + id));
  }

  /**
   * The field's versions as a person counts them ({@link EditGrouping}), newest first, at most
   * {@code limit}, each with its size in words. Replays the field's whole history once (the words
   * of a version are counted against the text of the one before it).
   *
   * @param restoreMarker a field that an edit sets on the same node when it restores an older
   *     version
   */
  public static List<BodyVersion> groupedVersions(
      Connection c, Soul soul, String field, String restoreMarker, int limit)
      throws SQLException, StoreException {
    ChangeLog log = new ChangeLog(c);
    KeptTextEdits kept = KeptTextEdits.read(c);
    TextDocument doc = new TextDocument();
    java.util.ArrayDeque<BodyVersion> out = new java.util.ArrayDeque<>();
    String before = "";
    EditGrouping grouping = new EditGrouping();
    TextVersionInfo first = null;
    TextVersionInfo previous = null;
    boolean firstIsRestore = false;
    int edits = 0;
    for (long id : edits(c, soul, field, Long.MAX_VALUE)) {
      Change change = load(log, id);
      if (!kept.counts(change)) {
        // Withheld: no version of its own, but its tombstones stay in the replay, where later
        // edits may be anchored on them.
        replay(doc, kept.ops(change, soul, field), soul, field);
        continue;
      }
      TextVersionInfo v =
          new TextVersionInfo(id, change.hash(), change.actor(), change.seq(), change.hlc());
      boolean restore = false;
      for (Op op : change.ops()) {
        if (op instanceof Op.SetField set
            && set.soul().equals(soul)
            && set.field().equals(restoreMarker)) {
          restore = true;
        }
      }
      EditGrouping.Edit edit =
          new EditGrouping.Edit(v.author(), org.rhizome.graph.clock.Hlc.millis(v.hlc()), restore);
      if (grouping.startsNewVersion(edit)) {
        if (previous != null) {
          String text = doc.text();
          push(
              out,
              new BodyVersion(
                  first, previous, edits, WordDelta.between(before, text), firstIsRestore),
              limit);
          before = text;
        }
        first = v;
        firstIsRestore = restore;
        edits = 0;
      }
      replay(doc, kept.ops(change, soul, field), soul, field);
      previous = v;
      edits++;
    }
    if (previous != null) {
      push(
          out,
          new BodyVersion(
              first, previous, edits, WordDelta.between(before, doc.text()), firstIsRestore),
          limit);
    }
    return new ArrayList<>(out);
  }

  /** Keeps the newest {@code limit}, newest first. */
  private static void push(java.util.ArrayDeque<BodyVersion> out, BodyVersion version, int limit) {
    out.addFirst(version);
    if (out.size() > limit) {
      out.removeLast();
    }
  }

  private static void replay(TextDocument doc, List<TextOp> ops, Soul soul, String field)
      throws CorruptDatabaseException {
    for (TextOp t : ops) {
      try {
        doc.apply(t);
      } catch (TextException e) {
        throw new CorruptDatabaseException(
            "the stored history of "
                + field
                + " of "
                + soul
                + " does not replay: "
                + e.getMessage(),
            e);
      }
    }
  }

  /**
   * The field's text right after the change at log position {@code logPosition}, as this replica
   * keeps it: withheld edits (decision 0007) replay as the tombstones they are here.
   */
  public static String textAt(Connection c, Soul soul, String field, long logPosition)
      throws SQLException, StoreException {
    ChangeLog log = new ChangeLog(c);
    KeptTextEdits kept = KeptTextEdits.read(c);
    TextDocument doc = new TextDocument();
    for (long id : edits(c, soul, field, logPosition)) {
      replay(doc, kept.ops(load(log, id), soul, field), soul, field);
    }
    return doc.text();
  }
}
