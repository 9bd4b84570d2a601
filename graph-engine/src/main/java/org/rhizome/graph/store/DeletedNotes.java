package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;

/**
 * The SQL of the trash: notes whose {@code deleted} field is true, with the clock and actor of that
 * field's winning write (who deleted it, when) and a prefix of the stored body value. One pass over
 * the note index plus a key lookup per deleted note; the body is read only as a prefix, so huge
 * notes cost no more. {@code trash.TrashQueries} turns the rows into what the trash lists.
 */
public final class DeletedNotes {
  /**
   * One deleted note as stored.
   *
   * @param bodyPrefix the first bytes of the stored body value (its codec header included), null
   *     when the note has no body field
   * @param bodyStoredBytes the stored body value's whole length in bytes
   */
  public record Row(
      Soul soul,
      String title,
      String folder,
      long created,
      long deletedHlc,
      ActorId deletedBy,
      byte @Nullable [] bodyPrefix,
      long bodyStoredBytes) {}

  private DeletedNotes() {}

  private static String select(int prefixBytes) {
    return "SELECT n.soul, n.title, n.folder, n.created, f.hlc, a.key,"
        + " substr(b.value, 1, "
        + prefixBytes
        + "), length(b.value)"
        + " FROM note n JOIN field f ON f.soul = n.soul AND f.name = '"
        + NoteFields.DELETED
        + "'"
        + " JOIN actor a ON a.id = f.actor"
        + " LEFT JOIN field b ON b.soul = n.soul AND b.name = '"
        + NoteFields.BODY
        + "'"
        + " WHERE n.deleted = 1";
  }

  /** Deleted notes, the most recently deleted first, at most {@code limit}. */
  public static List<Row> newestFirst(Connection c, int prefixBytes, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(select(prefixBytes) + " ORDER BY f.hlc DESC, n.soul LIMIT ?")) {
      ps.setInt(1, limit);
      return read(ps);
    }
  }

  /** How many notes are deleted. */
  public static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM note WHERE deleted = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The deleted note with this soul (none or one row). */
  public static List<Row> bySoul(Connection c, int prefixBytes, Soul soul) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select(prefixBytes) + " AND n.soul = ?")) {
      ps.setString(1, soul.value());
      return read(ps);
    }
  }

  /**
   * The most recently deleted note with this title key (and folder key, if not null): none or one
   * row.
   */
  public static List<Row> latestByTitle(
      Connection c, int prefixBytes, String titleKey, @Nullable String folderKey)
      throws SQLException {
    String sql =
        select(prefixBytes)
            + " AND n.title_key = ?"
            + (folderKey == null ? "" : " AND n.folder_key = ?")
            + " ORDER BY f.hlc DESC LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, titleKey);
      if (folderKey != null) {
        ps.setString(2, folderKey);
      }
      return read(ps);
    }
  }

  private static List<Row> read(PreparedStatement ps) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Row(
                new Soul(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                ActorId.of(rs.getBytes(6)),
                rs.getBytes(7),
                rs.getLong(8)));
      }
    }
    return out;
  }
}
