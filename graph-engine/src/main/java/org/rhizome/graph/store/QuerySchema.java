package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.NoteFields;

/**
 * Schema version 2: the secondary indexes of the query language (docs/queries.md) — typed
 * front-matter properties and checklist tasks — derived like the other index tables, and filled for
 * the notes a version-1 file already holds, in the migration's own transaction.
 */
final class QuerySchema {
  private QuerySchema() {}

  static void addVersion2(Statement s) throws SQLException {
    // One row per property value (a list: one per element); num holds numbers, dates (epoch ms),
    // checkboxes (0/1); text holds text, a date as written, a link's target.
    s.execute(
        "CREATE TABLE note_prop(note_id INTEGER NOT NULL, key TEXT NOT NULL, ord INTEGER NOT NULL,"
            + " type TEXT NOT NULL, text TEXT, num REAL, PRIMARY KEY(note_id, key, ord)) WITHOUT ROWID");
    // No (key, value) indexes: queries look properties up per note through the primary key, and two
    // more b-trees per value would double what the import pays for this table (bench query).
    // Checklist items; dates in epoch ms (UTC midnight); tags and links are JSON arrays, tag_keys
    // is
    // "\u001Fa\u001Fb/c\u001F" so that a tag test is one instr().
    s.execute(
        "CREATE TABLE task(note_id INTEGER NOT NULL, line INTEGER NOT NULL, mark TEXT NOT NULL,"
            + " open INTEGER NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL, mark_offset INTEGER NOT NULL,"
            + " due INTEGER, scheduled INTEGER, start INTEGER, done INTEGER, created INTEGER, priority INTEGER NOT NULL,"
            + " tags TEXT NOT NULL, tag_keys TEXT NOT NULL, links TEXT NOT NULL, PRIMARY KEY(note_id, line)) WITHOUT ROWID");
    s.execute("CREATE INDEX task_by_due ON task(due) WHERE due IS NOT NULL");
    s.execute("CREATE INDEX task_open ON task(open, note_id)");
    backfill(s.getConnection());
  }

  private static void backfill(Connection c) throws SQLException {
    List<Object[]> notes = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT n.id, f.value FROM note n JOIN field f ON f.soul = n.soul"
                + " AND f.name = ? WHERE n.deleted = 0")) {
      ps.setString(1, NoteFields.BODY);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          notes.add(new Object[] {rs.getLong(1), rs.getBytes(2)});
        }
      }
    }
    if (notes.isEmpty()) {
      return;
    }
    MarkdownParser parser = new MarkdownParser();
    QueryIndex index = new QueryIndex(c);
    for (Object[] row : notes) {
      String body;
      try {
        body = ValueCodec.decode((byte[]) row[1]) instanceof Value.Str str ? str.value() : "";
      } catch (DecodeException e) {
        continue; // an unreadable body has no other index rows either
      }
      index.index((Long) row[0], body, parser.parse(body));
    }
  }
}
