package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.markdown.WikiLink;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;

/**
 * Keeps the derived tables (note, link, tag, note_alias, note_fts, and through {@link QueryIndex}
 * note_prop and task) in step with a node's fields. Everything here can be rebuilt from the field
 * table; it is written in the same transaction as the change that caused it. Confined to the writer
 * thread.
 */
final class NoteIndex {

  private final Connection c;
  private final ParsedBodies parser;
  private final PreparedStatement selectId;
  private final PreparedStatement insertNote;
  private final PreparedStatement maxId;
  private final PreparedStatement deleteFts;
  private final PreparedStatement updateNote;
  private final PreparedStatement deleteNote;
  private final PreparedStatement insertLink;
  private final PreparedStatement insertTag;
  private final PreparedStatement insertAlias;
  private final PreparedStatement insertFts;
  private final PreparedStatement[] purge;
  private final PreparedStatement upsertAttachment;
  private final QueryIndex queryIndex;

  NoteIndex(Connection c, ParsedBodies parser) throws SQLException {
    this.c = c;
    this.parser = parser;
    selectId = c.prepareStatement("SELECT id FROM note WHERE soul = ?");
    insertNote =
        c.prepareStatement(
            "INSERT INTO note(id, soul, title, title_key, created, modified, deleted, folder, folder_key) VALUES (?,?,?,?,?,?,?,?,?)");
    maxId = c.prepareStatement("SELECT coalesce(max(id), 0) FROM note");
    deleteFts = c.prepareStatement("DELETE FROM note_fts WHERE rowid = ?");
    updateNote =
        c.prepareStatement(
            "UPDATE note SET title = ?, title_key = ?, created = ?, modified = ?, deleted = ?, folder = ?, folder_key = ? WHERE id = ?");
    deleteNote = c.prepareStatement("DELETE FROM note WHERE id = ?");
    insertLink =
        c.prepareStatement(
            "INSERT INTO link(src, ord, target_key, target, heading, alias, embed, line, start, end, target_folder)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    insertTag =
        c.prepareStatement("INSERT OR IGNORE INTO tag(tag_key, note_id, tag) VALUES (?,?,?)");
    insertAlias =
        c.prepareStatement(
            "INSERT OR IGNORE INTO note_alias(alias_key, note_id, alias) VALUES (?,?,?)");
    insertFts = c.prepareStatement("INSERT INTO note_fts(rowid, title, body) VALUES (?,?,?)");
    upsertAttachment =
        c.prepareStatement(
            "INSERT INTO attachment(soul, folder, folder_key, name, name_key, size, hash, mime, deleted)"
                + " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(soul) DO UPDATE SET folder = excluded.folder, folder_key = excluded.folder_key,"
                + " name = excluded.name, name_key = excluded.name_key, size = excluded.size, hash = excluded.hash, mime = excluded.mime,"
                + " deleted = excluded.deleted");
    queryIndex = new QueryIndex(c);
    purge =
        new PreparedStatement[] {
          c.prepareStatement("DELETE FROM link WHERE src = ?"),
          c.prepareStatement("DELETE FROM tag WHERE note_id = ?"),
          c.prepareStatement("DELETE FROM note_alias WHERE note_id = ?"),
          c.prepareStatement("DELETE FROM note_fts WHERE rowid = ?"),
        };
  }

  /**
   * The id the next new note row gets; 0 until read in this transaction. Given here rather than by
   * SQLite, so a new note needs no {@code last_insert_rowid()} query; read again in each
   * transaction (another process may have added notes in between), the same max + 1 SQLite gives.
   */
  private long nextId;

  /** Call at the start of each write transaction. */
  void begin() {
    nextId = 0;
    ftsRows.clear();
  }

  /** The fields whose values the link, tag, alias, query and full-text rows derive from. */
  private static final Set<String> BODY_DERIVED =
      Set.of(NoteFields.TYPE, NoteFields.BODY, NoteFields.DELETED);

  /**
   * Re-derives the index rows of one node after a transaction changed the values of {@code
   * changed}: the rows that derive from fields it did not change are left as they are (a rename
   * rewrites the note and full-text rows, not the links and tags), and a {@code fresh} node (one
   * with no fields before the transaction) has no rows to look for.
   */
  void reindex(
      Soul soul,
      Map<String, FieldState> fields,
      boolean fresh,
      Set<String> changed,
      TouchedNodes nodes)
      throws SQLException, StoreException {
    Long existing = null;
    if (!fresh) {
      selectId.setString(1, soul.value());
      try (ResultSet rs = selectId.executeQuery()) {
        if (rs.next()) {
          existing = rs.getLong(1);
        }
      }
    }
    String type = string(fields, NoteFields.TYPE, "");
    if (AttachmentFields.ATTACHMENT_TYPE.equals(type)) {
      indexAttachment(soul, fields);
    }
    boolean isNote = NoteFields.NOTE_TYPE.equals(type);
    if (!isNote) {
      if (existing != null) {
        purge(existing);
        deleteNote.setLong(1, existing);
        deleteNote.executeUpdate();
      }
      return;
    }
    String title = string(fields, NoteFields.TITLE, "");
    FieldState bodyState = fields.get(NoteFields.BODY);
    String known = bodyState == null ? null : nodes.stringOf(bodyState.value());
    String body = known != null ? known : string(fields, NoteFields.BODY, "");
    String folder = string(fields, NoteFields.FOLDER, NoteFolders.ROOT);
    Value createdValue = value(fields, NoteFields.CREATED);
    long modified = 0;
    for (FieldState f : fields.values()) {
      modified = Math.max(modified, Hlc.millis(f.hlc()));
    }
    long created = createdValue instanceof Value.Num n ? (long) n.value() : modified;
    boolean deleted = value(fields, NoteFields.DELETED) instanceof Value.Bool b && b.value();

    long id;
    if (existing == null) {
      if (nextId == 0) {
        try (ResultSet rs = maxId.executeQuery()) {
          nextId = (rs.next() ? rs.getLong(1) : 0) + 1;
        }
      }
      id = nextId++;
      insertNote.setLong(1, id);
      insertNote.setString(2, soul.value());
      bindNote(insertNote, 3, title, created, modified, deleted, folder);
      insertNote.executeUpdate();
    } else {
      id = existing;
      bindNote(updateNote, 1, title, created, modified, deleted, folder);
      updateNote.setLong(8, id);
      updateNote.executeUpdate();
      if (!containsAny(changed, BODY_DERIVED)) {
        // The body, type and deletion are as the rows were made from: only the title's words may
        // have changed, and they are only in the full-text row.
        if (!deleted && changed.contains(NoteFields.TITLE)) {
          long t = WriteStats.start();
          deleteFts.setLong(1, id);
          deleteFts.executeUpdate();
          insertFts(id, title, body);
          WriteStats.move(WriteStats.Stage.FTS_ROWS, WriteStats.Stage.INDEX_ROWS, t);
        }
        return;
      }
      purge(id);
    }
    if (!deleted) {
      index(id, title, body);
    }
  }

  private static boolean containsAny(Set<String> changed, Set<String> names) {
    for (String name : names) {
      if (changed.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Full-text rows of this transaction, written by {@link #flushFts} after every other index row:
   * one FTS5 insert after another keeps its tokenizer and pending-terms table in the cache, which
   * the note, link and tag rows written between two notes' inserts pushed out.
   */
  private final List<Object[]> ftsRows = new ArrayList<>();

  private void insertFts(long id, String title, String body) {
    ftsRows.add(new Object[] {id, title, body});
  }

  /** Writes the full-text rows the transaction's reindexing gathered. Call before the commit. */
  void flushFts() throws SQLException {
    long t = WriteStats.start();
    for (Object[] row : ftsRows) {
      insertFts.setLong(1, (Long) row[0]);
      insertFts.setString(2, (String) row[1]);
      insertFts.setString(3, (String) row[2]);
      insertFts.executeUpdate();
    }
    ftsRows.clear();
    WriteStats.move(WriteStats.Stage.FTS_ROWS, WriteStats.Stage.INDEX_ROWS, t);
  }

  private void indexAttachment(Soul soul, Map<String, FieldState> fields)
      throws SQLException, StoreException {
    String folder = string(fields, AttachmentFields.FOLDER, NoteFolders.ROOT);
    String name = string(fields, AttachmentFields.NAME, "");
    upsertAttachment.setString(1, soul.value());
    upsertAttachment.setString(2, folder);
    upsertAttachment.setString(3, NoteFolders.key(folder));
    upsertAttachment.setString(4, name);
    upsertAttachment.setString(5, NoteKeys.titleKey(name));
    upsertAttachment.setLong(
        6, value(fields, AttachmentFields.SIZE) instanceof Value.Num n ? (long) n.value() : 0);
    upsertAttachment.setString(7, string(fields, AttachmentFields.HASH, ""));
    upsertAttachment.setString(
        8, string(fields, AttachmentFields.MIME, "application/octet-stream"));
    upsertAttachment.setInt(
        9, value(fields, AttachmentFields.DELETED) instanceof Value.Bool b && b.value() ? 1 : 0);
    upsertAttachment.executeUpdate();
  }

  private static void bindNote(
      PreparedStatement ps,
      int from,
      String title,
      long created,
      long modified,
      boolean deleted,
      String folder)
      throws SQLException {
    ps.setString(from, title);
    ps.setString(from + 1, NoteKeys.titleKey(title));
    ps.setLong(from + 2, created);
    ps.setLong(from + 3, modified);
    ps.setInt(from + 4, deleted ? 1 : 0);
    ps.setString(from + 5, folder);
    ps.setString(from + 6, NoteFolders.key(folder));
  }

  private void index(long id, String title, String body) throws SQLException {
    long t0 = WriteStats.start();
    ParsedNote parsed = parser.take(body);
    WriteStats.move(WriteStats.Stage.INDEX_PARSE, WriteStats.Stage.INDEX_ROWS, t0);
    int ord = 0;
    for (WikiLink link : parsed.links()) {
      if (link.target().isEmpty()) {
        continue; // [[#Heading]] points inside this note
      }
      insertLink.setLong(1, id);
      insertLink.setInt(2, ord++);
      insertLink.setString(3, NoteKeys.linkKey(link.target()));
      insertLink.setString(4, link.target());
      insertLink.setString(5, link.heading());
      insertLink.setString(6, link.alias());
      insertLink.setInt(7, link.embed() ? 1 : 0);
      insertLink.setInt(8, link.line());
      insertLink.setInt(9, link.start());
      insertLink.setInt(10, link.end());
      insertLink.setString(11, NoteKeys.linkFolderKey(link.target()));
      insertLink
          .executeUpdate(); // row by row: sqlite-jdbc re-prepares a statement after executeBatch
    }
    Set<String> keys = new HashSet<>();
    for (String tag : parsed.tags()) {
      String key = NoteKeys.tagKey(tag);
      if (!key.isEmpty() && keys.add(key)) {
        insertTag.setString(1, key);
        insertTag.setLong(2, id);
        insertTag.setString(3, tag);
        insertTag.executeUpdate();
      }
    }
    for (String alias : parsed.frontMatter().aliases()) {
      String key = NoteKeys.titleKey(alias);
      if (!key.isEmpty()) {
        insertAlias.setString(1, key);
        insertAlias.setLong(2, id);
        insertAlias.setString(3, alias.strip());
        insertAlias.executeUpdate();
      }
    }
    long t = WriteStats.start();
    insertFts(id, title, body);
    WriteStats.move(WriteStats.Stage.FTS_ROWS, WriteStats.Stage.INDEX_ROWS, t);
    t = WriteStats.start();
    queryIndex.index(id, body, parsed);
    WriteStats.move(WriteStats.Stage.QUERY_INDEX_ROWS, WriteStats.Stage.INDEX_ROWS, t);
  }

  private void purge(long id) throws SQLException {
    for (PreparedStatement ps : purge) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    queryIndex.purge(id);
  }

  private static Value value(Map<String, FieldState> fields, String name) throws StoreException {
    FieldState f = fields.get(name);
    if (f == null) {
      return Value.NULL;
    }
    try {
      return ValueCodec.decode(f.value());
    } catch (DecodeException e) {
      throw new CorruptDatabaseException(
          "field " + name + " holds an unreadable value: " + e.getMessage(), e);
    }
  }

  private static String string(Map<String, FieldState> fields, String name, String fallback)
      throws StoreException {
    return value(fields, name) instanceof Value.Str s ? s.value() : fallback;
  }
}
