package org.rhizome.graph.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;

/**
 * The index lookups the editors make inside a write, on the writer's connection so that what they
 * check is what the same transaction then changes (a title free, a note in the trash).
 */
public final class WriterLookups {
  private WriterLookups() {}

  /** The live note of {@code folder} titled {@code title} (compared as titles are), if any. */
  public static Optional<Soul> liveNoteAt(WriteTxn txn, String folder, String title)
      throws SQLException {
    PreparedStatement ps =
        txn.prepare(
            "SELECT soul FROM note WHERE title_key = ? AND folder_key = ? AND deleted = 0 LIMIT 1");
    ps.setString(1, NoteKeys.titleKey(title));
    ps.setString(2, NoteFolders.key(folder));
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Soul(rs.getString(1))) : Optional.empty();
    }
  }

  /**
   * True when a live note of {@code folder} other than {@code soul} has the title {@code title}.
   */
  public static boolean titleTakenByAnother(WriteTxn txn, String folder, String title, Soul soul)
      throws SQLException {
    PreparedStatement ps =
        txn.prepare(
            "SELECT 1 FROM note WHERE title_key = ? AND folder_key = ? AND deleted = 0 AND soul <> ? LIMIT 1");
    ps.setString(1, NoteKeys.titleKey(title));
    ps.setString(2, NoteFolders.key(folder));
    ps.setString(3, soul.value());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * Whether the index holds the note {@code soul} as deleted (true) or live (false); empty when it
   * has no such note.
   */
  public static Optional<Boolean> noteDeleted(WriteTxn txn, Soul soul) throws SQLException {
    PreparedStatement ps = txn.prepare("SELECT deleted FROM note WHERE soul = ?");
    ps.setString(1, soul.value());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getInt(1) != 0) : Optional.empty();
    }
  }

  public static boolean attachmentLive(WriteTxn txn, Soul soul) throws SQLException {
    PreparedStatement ps = txn.prepare("SELECT 1 FROM attachment WHERE soul = ? AND deleted = 0");
    ps.setString(1, soul.value());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** The live attachment of {@code folder} named {@code name} (compared ignoring case), if any. */
  public static Optional<Soul> liveAttachmentAt(WriteTxn txn, String folder, String name)
      throws SQLException {
    PreparedStatement ps =
        txn.prepare(
            "SELECT soul FROM attachment WHERE name_key = ? AND folder_key = ? AND deleted = 0"
                + " ORDER BY soul LIMIT 1");
    ps.setString(1, NoteKeys.titleKey(name));
    ps.setString(2, NoteFolders.key(folder));
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Soul(rs.getString(1))) : Optional.empty();
    }
  }

  /** The SHA-256 (hex) of an attachment's bytes; "" when the index has no such attachment. */
  public static String attachmentHash(WriteTxn txn, Soul soul) throws SQLException {
    PreparedStatement ps = txn.prepare("SELECT hash FROM attachment WHERE soul = ?");
    ps.setString(1, soul.value());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  /** The log positions of the changes that edited a text field, in log (causal) order. */
  public static List<Long> textEdits(WriteTxn txn, Soul soul, String field) throws SQLException {
    List<Long> ids = new ArrayList<>();
    PreparedStatement ps =
        txn.prepare("SELECT log_id FROM text_edit WHERE soul = ? AND name = ? ORDER BY log_id");
    ps.setString(1, soul.value());
    ps.setString(2, field);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
