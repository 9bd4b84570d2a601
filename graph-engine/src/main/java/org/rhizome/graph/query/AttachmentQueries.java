package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;

/**
 * Attachments by path, by link ({@code ![[photo.png]]} finds a file by name the way {@link
 * LinkResolution} finds a note), and as a list. Stateless; on the caller's connection.
 */
public final class AttachmentQueries {
  private static final String COLUMNS = "a.soul, a.folder, a.name, a.size, a.hash, a.mime";

  private AttachmentQueries() {}

  /** The live attachment at {@code folder/name} (compared ignoring case). */
  public static Optional<Attachment> byPath(Connection c, String path) throws SQLException {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    PreparedStatement ps =
        CachedStatements.prepare(
            c,
            "SELECT "
                + COLUMNS
                + " FROM attachment a"
                + " WHERE a.name_key = ? AND a.folder_key = ? AND a.deleted = 0 ORDER BY a.soul LIMIT 1");
    ps.setString(1, NoteKeys.titleKey(NoteFolders.nameOf(p)));
    ps.setString(2, NoteFolders.key(NoteFolders.parentOf(p)));
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  /**
   * The live attachment that {@code ![[target]]} (or {@code [[target]]}) in a note of {@code
   * sourceFolder} reaches.
   */
  public static Optional<Attachment> resolve(Connection c, String sourceFolder, String target)
      throws SQLException {
    String t = target.strip();
    return resolveKeys(
        c,
        NoteFolders.key(sourceFolder),
        NoteKeys.titleKey(NoteFolders.nameOf(t)),
        NoteKeys.linkFolderKey(t));
  }

  /** As {@link #resolve}, from a link's keys as the link index holds them. */
  static Optional<Attachment> resolveKeys(
      Connection c, String sourceFolderKey, String nameKey, String targetFolderKey)
      throws SQLException {
    PreparedStatement ps =
        CachedStatements.prepare(
            c,
            "SELECT "
                + COLUMNS
                + ", a.id, a.folder_key FROM attachment a"
                + " WHERE a.name_key = ? AND a.deleted = 0");
    ps.setString(1, nameKey);
    List<Attachment> found = new ArrayList<>();
    List<LinkResolution.Candidate> candidates = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(read(rs));
        candidates.add(
            new LinkResolution.Candidate(found.size() - 1, rs.getString(8), 0, rs.getString(1)));
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return LinkResolution.choose(candidates, sourceFolderKey, targetFolderKey)
        .map(cand -> found.get((int) cand.id()));
  }

  /** Live attachments by path, at most {@code limit}. */
  public static List<Attachment> list(Connection c, int limit) throws SQLException {
    List<Attachment> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM attachment a WHERE a.deleted = 0"
                + " ORDER BY a.folder_key, a.name_key, a.soul LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  private static Attachment read(ResultSet rs) throws SQLException {
    return new Attachment(
        new Soul(rs.getString(1)),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6));
  }
}
