package org.rhizome.graph.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema and its migrations. {@code PRAGMA user_version} holds the schema version;
 * {@code PRAGMA application_id} marks the file as Rhizome's. Migration {@code i} takes a database
 * from version {@code i} to {@code i + 1}; they run one step at a time, each in its own
 * transaction, after a backup of the file. A database newer than {@link #VERSION} is refused
 * untouched.
 */
final class Schema {
  /** "RHZM" */
  static final int APPLICATION_ID = 0x52485A4D;

  static final int VERSION = 2;

  interface Migration {
    void apply(Statement s) throws SQLException;
  }

  /** MIGRATIONS.get(i) migrates version i to i + 1. */
  static final List<Migration> MIGRATIONS =
      List.of(Schema::createVersion1, QuerySchema::addVersion2);

  private Schema() {}

  private static void createVersion1(Statement s) throws SQLException {
    // The truth: the append-only change log, and the materialised fields it produces.
    s.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
    // Actors are named by a small local number in the other tables; their keys are stored once
    // here,
    // with each actor's head (last seq and its hash): the version vector.
    s.execute(
        "CREATE TABLE actor(id INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, seq INTEGER NOT NULL, head BLOB NOT NULL)");
    s.execute(
        "CREATE TABLE change_log(id INTEGER PRIMARY KEY, actor INTEGER NOT NULL, seq INTEGER NOT NULL,"
            + " hash BLOB NOT NULL, hlc INTEGER NOT NULL, encoding INTEGER NOT NULL, body BLOB NOT NULL,"
            + " UNIQUE(actor, seq))");
    s.execute(
        "CREATE TABLE field(soul TEXT NOT NULL, name TEXT NOT NULL, value BLOB NOT NULL,"
            + " hlc INTEGER NOT NULL, actor INTEGER NOT NULL, PRIMARY KEY(soul, name)) WITHOUT ROWID");
    // Text fields (note bodies): the sequence CRDT's snapshot; the field table holds their text.
    s.execute(
        "CREATE TABLE text_state(soul TEXT NOT NULL, name TEXT NOT NULL, snapshot BLOB NOT NULL,"
            + " PRIMARY KEY(soul, name)) WITHOUT ROWID");
    // Which changes edited which text field, in log order: a note's version history.
    s.execute(
        "CREATE TABLE text_edit(soul TEXT NOT NULL, name TEXT NOT NULL, log_id INTEGER NOT NULL,"
            + " PRIMARY KEY(soul, name, log_id)) WITHOUT ROWID");
    // Derived from the fields (rebuildable): notes, their links, tags, aliases, full text. A note's
    // outline is parsed from its body when asked for: one note at a time needs no index.
    s.execute(
        "CREATE TABLE note(id INTEGER PRIMARY KEY, soul TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
            + " title_key TEXT NOT NULL, created INTEGER NOT NULL, modified INTEGER NOT NULL, deleted INTEGER NOT NULL,"
            + " folder TEXT NOT NULL, folder_key TEXT NOT NULL)");
    s.execute("CREATE INDEX note_by_title ON note(title_key)");
    // Attachment nodes (files of a vault: images, PDFs...), by folder and file name as links find
    // them.
    s.execute(
        "CREATE TABLE attachment(id INTEGER PRIMARY KEY, soul TEXT NOT NULL UNIQUE, folder TEXT NOT NULL,"
            + " folder_key TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, size INTEGER NOT NULL,"
            + " hash TEXT NOT NULL, mime TEXT NOT NULL, deleted INTEGER NOT NULL)");
    s.execute("CREATE INDEX attachment_by_name ON attachment(name_key)");
    // Not derived and not in the log: the bytes of attachments, by SHA-256, as this replica has
    // them.
    s.execute(
        "CREATE TABLE blob(id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, size INTEGER NOT NULL, data BLOB NOT NULL)");
    s.execute(
        "CREATE TABLE note_alias(alias_key TEXT NOT NULL, note_id INTEGER NOT NULL, alias TEXT NOT NULL,"
            + " PRIMARY KEY(alias_key, note_id)) WITHOUT ROWID");
    s.execute("CREATE INDEX note_alias_by_note ON note_alias(note_id)");
    s.execute(
        "CREATE TABLE link(src INTEGER NOT NULL, ord INTEGER NOT NULL, target_key TEXT NOT NULL,"
            + " target TEXT NOT NULL, heading TEXT, alias TEXT, embed INTEGER NOT NULL, line INTEGER NOT NULL,"
            + " start INTEGER NOT NULL, end INTEGER NOT NULL, target_folder TEXT NOT NULL, PRIMARY KEY(src, ord)) WITHOUT ROWID");
    s.execute("CREATE INDEX link_by_target ON link(target_key)");
    s.execute(
        "CREATE TABLE tag(tag_key TEXT NOT NULL, note_id INTEGER NOT NULL, tag TEXT NOT NULL,"
            + " PRIMARY KEY(tag_key, note_id)) WITHOUT ROWID");
    s.execute("CREATE INDEX tag_by_note ON tag(note_id)");
    s.execute(
        "CREATE VIRTUAL TABLE note_fts USING fts5(title, body, content='', contentless_delete=1,"
            + " tokenize='unicode61 remove_diacritics 2')");
  }
}
