package org.rhizome.graph.trash;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;

/**
 * Reads the trash: notes whose {@code deleted} field is true, with the clock and actor of that
 * field's winning write (who deleted it, when). One pass over the note index plus a key lookup per
 * deleted note; the body is read only as a prefix of its stored value, so huge notes cost no more.
 */
public final class TrashQueries {
  /** Bytes of a body read to find its first line. */
  private static final int PREVIEW_BYTES = 480;

  private static final int FIRST_LINE_CHARS = 120;

  private static final String SELECT =
      "SELECT n.soul, n.title, n.folder, n.created, f.hlc, a.key,"
          + " substr(b.value, 1, "
          + (PREVIEW_BYTES + 10)
          + "), length(b.value)"
          + " FROM note n JOIN field f ON f.soul = n.soul AND f.name = '"
          + NoteFields.DELETED
          + "'"
          + " JOIN actor a ON a.id = f.actor"
          + " LEFT JOIN field b ON b.soul = n.soul AND b.name = '"
          + NoteFields.BODY
          + "'"
          + " WHERE n.deleted = 1";

  private TrashQueries() {}

  /** Deleted notes, the most recently deleted first, at most {@code limit}. */
  public static List<TrashedNote> list(Connection c, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " ORDER BY f.hlc DESC, n.soul LIMIT ?")) {
      ps.setInt(1, limit);
      return read(ps);
    }
  }

  /** How many notes are in the trash. */
  public static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM note WHERE deleted = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The deleted note with this soul. */
  public static Optional<TrashedNote> find(Connection c, Soul soul) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " AND n.soul = ?")) {
      ps.setString(1, soul.value());
      List<TrashedNote> found = read(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /**
   * The deleted note that {@code target} names: its id, else its path ({@code "Folder/Title"}),
   * else its title in any folder (ignoring case, as titles compare); when several deleted notes
   * match, the most recently deleted.
   */
  public static Optional<TrashedNote> lookup(Connection c, String target) throws SQLException {
    if (Soul.isValid(target)) {
      Optional<TrashedNote> bySoul = find(c, new Soul(target));
      if (bySoul.isPresent()) {
        return bySoul;
      }
    }
    String t = target.strip();
    int slash = t.lastIndexOf('/');
    if (slash > 0) {
      Optional<TrashedNote> byPath =
          first(
              c, NoteKeys.titleKey(t.substring(slash + 1)), NoteFolders.key(t.substring(0, slash)));
      if (byPath.isPresent()) {
        return byPath;
      }
    }
    return first(c, NoteKeys.titleKey(t), null);
  }

  private static Optional<TrashedNote> first(
      Connection c, String titleKey, @Nullable String folderKey) throws SQLException {
    String sql =
        SELECT
            + " AND n.title_key = ?"
            + (folderKey == null ? "" : " AND n.folder_key = ?")
            + " ORDER BY f.hlc DESC LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, titleKey);
      if (folderKey != null) {
        ps.setString(2, folderKey);
      }
      List<TrashedNote> found = read(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<TrashedNote> read(PreparedStatement ps) throws SQLException {
    List<TrashedNote> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byte[] prefix = rs.getBytes(7);
        long stored = rs.getLong(8);
        int header = headerLength(prefix);
        String start = header < 0 ? "" : decodePrefix(prefix, header);
        int bodyBytes = header < 0 ? 0 : (int) Math.max(0, stored - header);
        out.add(
            new TrashedNote(
                new Soul(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                ActorId.of(rs.getBytes(6)),
                bodyBytes,
                firstLine(start)));
      }
    }
    return out;
  }

  /**
   * The length of a string value's header (tag 4, then the byte length as a varint; see
   * ValueCodec), or -1 when the stored value is not a string (no body, or a null).
   */
  private static int headerLength(byte @Nullable [] value) {
    if (value == null || value.length == 0 || value[0] != 4) {
      return -1;
    }
    int i = 1;
    while (i < value.length && (value[i] & 0x80) != 0) {
      i++;
    }
    return i < value.length ? i + 1 : -1;
  }

  /** UTF-8 of a prefix: a character cut by the prefix's end is dropped, never a failure. */
  private static String decodePrefix(byte[] value, int from) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer in = ByteBuffer.wrap(value, from, Math.min(value.length - from, PREVIEW_BYTES));
    CharBuffer out = CharBuffer.allocate(PREVIEW_BYTES + 1);
    decoder.decode(in, out, false); // not the end of input: a cut character stays unread
    out.flip();
    return out.toString();
  }

  /**
   * The first line with text, skipping front matter's opening fence and headings' #s; cut to a
   * short preview.
   */
  static String firstLine(String start) {
    boolean inFrontMatter = start.startsWith("---\n") || start.startsWith("---\r\n");
    String[] lines = start.split("\r?\n", -1);
    for (int i = inFrontMatter ? 1 : 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (inFrontMatter) {
        if (line.equals("---")) {
          inFrontMatter = false;
        }
        continue;
      }
      line = line.replaceFirst("^#{1,6}\\s+", "");
      if (!line.isEmpty()) {
        return line.length() > FIRST_LINE_CHARS ? line.substring(0, FIRST_LINE_CHARS) + "…" : line;
      }
    }
    return "";
  }
}
