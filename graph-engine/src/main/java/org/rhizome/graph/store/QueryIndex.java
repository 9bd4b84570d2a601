package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.query.lang.Json;
import org.rhizome.graph.query.lang.PropertyRows;
import org.rhizome.graph.tasks.Task;
import org.rhizome.graph.tasks.TaskParser;

/**
 * Writes a note's rows of the query indexes (note_prop, task), beside {@link NoteIndex}'s, in the
 * same transaction. Confined to the writer thread.
 */
final class QueryIndex {
  static final char SEP = '\u001F';

  /** Rows per multi-row INSERT: one statement per note and table in the common case, not one per row. */
  private static final int CHUNK = 8;
  private static final String PROP_COLUMNS = "INSERT OR REPLACE INTO note_prop(note_id, key, ord, type, text, num) VALUES ";
  private static final String TASK_COLUMNS = "INSERT OR REPLACE INTO task(note_id, line, mark, open, text, raw, mark_offset, due,"
      + " scheduled, start, done, created, priority, tags, tag_keys, links) VALUES ";

  private final Connection connection;
  private final PreparedStatement[] insertProps = new PreparedStatement[CHUNK + 1];
  private final PreparedStatement[] insertTasks = new PreparedStatement[CHUNK + 1];
  private final PreparedStatement deleteProps;
  private final PreparedStatement deleteTasks;

  QueryIndex(Connection c) throws SQLException {
    connection = c;
    deleteProps = c.prepareStatement("DELETE FROM note_prop WHERE note_id = ?");
    deleteTasks = c.prepareStatement("DELETE FROM task WHERE note_id = ?");
  }

  void purge(long id) throws SQLException {
    long t0 = QueryIndexStats.cpu();
    deleteProps.setLong(1, id);
    deleteProps.executeUpdate();
    deleteTasks.setLong(1, id);
    deleteTasks.executeUpdate();
    QueryIndexStats.NANOS.add(QueryIndexStats.cpu() - t0);
  }

  void index(long id, String body, ParsedNote parsed) throws SQLException {
    long t0 = QueryIndexStats.cpu();
    try {
      write(id, body, parsed);
    } finally {
      QueryIndexStats.NANOS.add(QueryIndexStats.cpu() - t0);
      QueryIndexStats.NOTES.increment();
    }
  }

  /** The INSERT of {@code rows} rows (1..CHUNK), prepared once and kept. */
  private PreparedStatement insert(PreparedStatement[] cache, String head, int columns, int rows) throws SQLException {
    PreparedStatement ps = cache[rows];
    if (ps == null) {
      StringBuilder sql = new StringBuilder(head);
      String one = "(" + "?,".repeat(columns - 1) + "?)";
      for (int r = 0; r < rows; r++) {
        sql.append(r == 0 ? "" : ",").append(one);
      }
      ps = connection.prepareStatement(sql.toString());
      cache[rows] = ps;
    }
    return ps;
  }

  private void write(long id, String body, ParsedNote parsed) throws SQLException {
    List<PropertyRows.Row> props = PropertyRows.of(parsed.frontMatter().properties());
    for (int from = 0; from < props.size(); from += CHUNK) {
      int n = Math.min(CHUNK, props.size() - from);
      PreparedStatement ps = insert(insertProps, PROP_COLUMNS, 6, n);
      int p = 1;
      for (PropertyRows.Row r : props.subList(from, from + n)) {
        ps.setLong(p++, id);
        ps.setString(p++, r.key());
        ps.setInt(p++, r.ord());
        ps.setString(p++, r.type().sqlName());
        ps.setString(p++, r.text());
        if (r.num() == null) {
          ps.setNull(p++, Types.REAL);
        } else {
          ps.setDouble(p++, r.num());
        }
      }
      ps.executeUpdate();
    }
    List<Task> tasks = TaskParser.parse(body, parsed);
    for (int from = 0; from < tasks.size(); from += CHUNK) {
      int n = Math.min(CHUNK, tasks.size() - from);
      PreparedStatement ps = insert(insertTasks, TASK_COLUMNS, 16, n);
      int p = 1;
      for (Task t : tasks.subList(from, from + n)) {
        ps.setLong(p++, id);
        ps.setInt(p++, t.line());
        ps.setString(p++, String.valueOf(t.mark()));
        ps.setInt(p++, t.status().isOpen() ? 1 : 0);
        ps.setString(p++, t.text());
        ps.setString(p++, t.raw());
        ps.setInt(p++, t.markOffset());
        date(ps, p++, t.due());
        date(ps, p++, t.scheduled());
        date(ps, p++, t.start());
        date(ps, p++, t.done());
        date(ps, p++, t.created());
        ps.setInt(p++, t.priority());
        ps.setString(p++, Json.array(t.tags()));
        ps.setString(p++, joined(t.tags()));
        ps.setString(p++, Json.array(t.links()));
      }
      ps.executeUpdate();
    }
  }

  private static void date(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  /** "\u001Fa\u001Fb\u001F" (empty string for none), so "contains" is one instr(). */
  static String joined(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder().append(SEP);
    for (String s : items) {
      sb.append(NoteKeys.tagKey(s)).append(SEP);
    }
    return sb.toString();
  }
}
