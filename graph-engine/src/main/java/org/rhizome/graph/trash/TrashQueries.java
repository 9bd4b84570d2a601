package org.rhizome.graph.trash;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.store.DeletedNotes;

/**
 * Reads the trash: the store's deleted notes ({@link DeletedNotes}, the SQL) as the trash lists
 * them — who deleted each and when, the body's length and first line decoded from a prefix of its
 * stored value — and finds one by id, path or title.
 */
public final class TrashQueries {
  /** Bytes of a body read to find its first line. */
  private static final int PREVIEW_BYTES = 480;

  private static final int FIRST_LINE_CHARS = 120;

  /** The prefix of the stored body value read: the preview and its codec header. */
  private static final int PREFIX_BYTES = PREVIEW_BYTES + 10;

  private TrashQueries() {}

  /** Deleted notes, the most recently deleted first, at most {@code limit}. */
  public static List<TrashedNote> list(Connection c, int limit) throws SQLException {
    return notes(DeletedNotes.newestFirst(c, PREFIX_BYTES, limit));
  }

  /** How many notes are in the trash. */
  public static long count(Connection c) throws SQLException {
    return DeletedNotes.count(c);
  }

  /** The deleted note with this soul. */
  public static Optional<TrashedNote> find(Connection c, Soul soul) throws SQLException {
    return first(DeletedNotes.bySoul(c, PREFIX_BYTES, soul));
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
    return first(DeletedNotes.latestByTitle(c, PREFIX_BYTES, titleKey, folderKey));
  }

  private static Optional<TrashedNote> first(List<DeletedNotes.Row> rows) {
    List<TrashedNote> found = notes(rows);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<TrashedNote> notes(List<DeletedNotes.Row> rows) {
    List<TrashedNote> out = new ArrayList<>(rows.size());
    for (DeletedNotes.Row r : rows) {
      byte @Nullable [] prefix = r.bodyPrefix();
      int header = headerLength(prefix);
      String start = header < 0 || prefix == null ? "" : decodePrefix(prefix, header);
      int bodyBytes = header < 0 ? 0 : (int) Math.max(0, r.bodyStoredBytes() - header);
      out.add(
          new TrashedNote(
              r.soul(),
              r.title(),
              r.folder(),
              r.created(),
              r.deletedHlc(),
              r.deletedBy(),
              bodyBytes,
              firstLine(start)));
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
