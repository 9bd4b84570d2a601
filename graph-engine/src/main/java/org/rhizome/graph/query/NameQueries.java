package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.note.NoteKeys;

/**
 * Lists for pickers: every name (title and aliases) of every live note, and the notes with a tag.
 * Stateless; each call uses the connection it is given, on the caller's thread.
 */
public final class NameQueries {
  private NameQueries() {}

  /**
   * Titles and aliases of live notes, titles first, each group in title-key order; at most {@code
   * limit}.
   */
  public static List<NoteName> names(Connection c, int limit) throws SQLException {
    List<NoteName> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + NoteQueries.NOTE_COLUMNS
                + ", n.title, 0, n.title_key FROM note n"
                + " WHERE n.deleted = 0"
                + " UNION ALL SELECT "
                + NoteQueries.NOTE_COLUMNS
                + ", a.alias, 1, a.alias_key FROM note_alias a JOIN note n ON n.id = a.note_id"
                + " WHERE n.deleted = 0 ORDER BY 8, 9 LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new NoteName(NoteQueries.ref(rs, 2), rs.getString(7), rs.getInt(8) == 1));
        }
      }
    }
    return out;
  }

  /**
   * Live notes carrying {@code tag} (matched as tags are: without case, with or without {@code #})
   * or a tag nested under it ({@code project} finds {@code #project/alpha}), by title.
   */
  public static List<NoteRef> tagged(Connection c, String tag, int limit) throws SQLException {
    String key = NoteKeys.tagKey(tag);
    List<NoteRef> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT "
                + NoteQueries.NOTE_COLUMNS
                + ", n.title_key FROM tag t"
                + " JOIN note n ON n.id = t.note_id WHERE (t.tag_key = ? OR (t.tag_key >= ? AND t.tag_key < ?)) AND n.deleted = 0"
                + " ORDER BY n.title_key LIMIT ?")) {
      ps.setString(1, key);
      ps.setString(2, key + "/");
      ps.setString(3, key + "0");
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(NoteQueries.ref(rs, 2));
        }
      }
    }
    return out;
  }
}
