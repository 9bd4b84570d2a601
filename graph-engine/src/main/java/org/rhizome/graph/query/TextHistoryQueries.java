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
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextException;
import org.rhizome.graph.text.TextOp;

/**
 * A text field's history, read from the change log: its versions, and its text as of any of them,
 * rebuilt by replaying the field's edits in log order (a causal order) up to that version. The text
 * "as of" a version is as this replica had it right after that change arrived.
 */
public final class TextHistoryQueries {
  private TextHistoryQueries() {}

  /** The changes that edited the field, newest first, at most {@code limit}. */
  public static List<TextVersionInfo> versions(Connection c, Soul soul, String field, int limit)
      throws SQLException {
    List<TextVersionInfo> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.hash, a.key, l.seq, l.hlc FROM text_edit t"
                + " JOIN change_log l ON l.id = t.log_id JOIN actor a ON a.id = l.actor"
                + " WHERE t.soul = ? AND t.name = ? ORDER BY t.log_id DESC LIMIT ?")) {
      ps.setString(1, soul.value());
      ps.setString(2, field);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new TextVersionInfo(
                  rs.getLong(1),
                  ChangeHash.of(rs.getBytes(2)),
                  ActorId.of(rs.getBytes(3)),
                  rs.getLong(4),
                  rs.getLong(5)));
        }
      }
    }
    return out;
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
    List<TextVersionInfo> all = versions(c, soul, field, Integer.MAX_VALUE);
    java.util.Collections.reverse(all); // oldest first: the replay order
    ChangeLog log = new ChangeLog(c);
    TextDocument doc = new TextDocument();
    java.util.ArrayDeque<BodyVersion> out = new java.util.ArrayDeque<>();
    String before = "";
    EditGrouping grouping = new EditGrouping();
    TextVersionInfo first = null;
    TextVersionInfo previous = null;
    boolean firstIsRestore = false;
    int edits = 0;
    for (TextVersionInfo v : all) {
      Change change =
          log.loadById(v.logPosition())
              .orElseThrow(
                  () ->
                      new CorruptDatabaseException(
                          "text history names a missing change " + v.logPosition()));
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
      replay(doc, change, soul, field);
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

  private static void replay(TextDocument doc, Change change, Soul soul, String field)
      throws CorruptDatabaseException {
    for (Op op : change.ops()) {
      if (op instanceof Op.TextEdit edit
          && edit.soul().equals(soul)
          && edit.field().equals(field)) {
        for (TextOp t : edit.ops()) {
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
    }
  }

  /** The field's text right after the change at log position {@code logPosition}. */
  public static String textAt(Connection c, Soul soul, String field, long logPosition)
      throws SQLException, StoreException {
    ChangeLog log = new ChangeLog(c);
    TextDocument doc = new TextDocument();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT log_id FROM text_edit WHERE soul = ? AND name = ? AND log_id <= ?"
                + " ORDER BY log_id")) {
      ps.setString(1, soul.value());
      ps.setString(2, field);
      ps.setLong(3, logPosition);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      for (long id : ids) {
        Change change =
            log.loadById(id)
                .orElseThrow(
                    () ->
                        new CorruptDatabaseException("text history names a missing change " + id));
        for (Op op : change.ops()) {
          if (op instanceof Op.TextEdit edit
              && edit.soul().equals(soul)
              && edit.field().equals(field)) {
            for (TextOp t : edit.ops()) {
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
        }
      }
    }
    return doc.text();
  }
}
