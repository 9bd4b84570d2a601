package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.rhizome.graph.encoding.Json;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.note.PropertyRows;
import org.rhizome.graph.tasks.Task;
import org.rhizome.graph.tasks.TaskParser;

/**
 * Writes a note's rows of the query indexes (note_prop, task), beside {@link NoteIndex}'s, in the
 * same transaction. Confined to the writer thread.
 */
final class QueryIndex {
  static final char SEP = '\u001F';

  private final PreparedStatement insertProp;
  private final PreparedStatement insertTask;
  private final PreparedStatement deleteProps;
  private final PreparedStatement deleteTasks;

  QueryIndex(Connection c) throws SQLException {
    insertProp =
        c.prepareStatement(
            "INSERT OR REPLACE INTO note_prop(note_id, key, ord, type, text, num) VALUES (?,?,?,?,?,?)");
    insertTask =
        c.prepareStatement(
            "INSERT OR REPLACE INTO task(note_id, line, mark, open, text, raw, mark_offset, due, scheduled,"
                + " start, done, created, priority, tags, tag_keys, links) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
    long t1 = t0;
    try {
      writeProperties(id, parsed);
      t1 = QueryIndexStats.cpu();
      writeTasks(id, body, parsed);
    } finally {
      long t2 = QueryIndexStats.cpu();
      QueryIndexStats.NANOS.add(t2 - t0);
      QueryIndexStats.TASK_NANOS.add(t2 - t1);
      QueryIndexStats.NOTES.increment();
    }
  }

  private void writeProperties(long id, ParsedNote parsed) throws SQLException {
    for (PropertyRows.Row r : PropertyRows.of(parsed.frontMatter().properties())) {
      insertProp.setLong(1, id);
      insertProp.setString(2, r.key());
      insertProp.setInt(3, r.ord());
      insertProp.setString(4, r.type().sqlName());
      insertProp.setString(5, r.text());
      if (r.num() == null) {
        insertProp.setNull(6, Types.REAL);
      } else {
        insertProp.setDouble(6, r.num());
      }
      insertProp.executeUpdate();
    }
  }

  private void writeTasks(long id, String body, ParsedNote parsed) throws SQLException {
    for (Task t : TaskParser.parse(body, parsed)) {
      insertTask.setLong(1, id);
      insertTask.setInt(2, t.line());
      insertTask.setString(3, String.valueOf(t.mark()));
      insertTask.setInt(4, t.status().isOpen() ? 1 : 0);
      insertTask.setString(5, t.text());
      insertTask.setString(6, t.raw());
      insertTask.setInt(7, t.markOffset());
      date(8, t.due());
      date(9, t.scheduled());
      date(10, t.start());
      date(11, t.done());
      date(12, t.created());
      insertTask.setInt(13, t.priority());
      insertTask.setString(14, Json.array(t.tags()));
      insertTask.setString(15, joined(t.tags()));
      insertTask.setString(16, Json.array(t.links()));
      insertTask.executeUpdate();
    }
  }

  private void date(int i, Long v) throws SQLException {
    if (v == null) {
      insertTask.setNull(i, Types.INTEGER);
    } else {
      insertTask.setLong(i, v);
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
