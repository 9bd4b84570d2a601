package org.rhizome.graph.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens Rhizome's SQLite file: checks that it is ours and of a schema we know, migrates older ones
 * (after a backup), and hands out the one write connection and any number of read connections
 * (WAL mode, so readers never block the writer). Thread-safe.
 */
public final class Database {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;

  private Database(Path file) {
    this.file = file;
  }

  /**
   * Opens (creating when absent) the database at {@code file} and brings its schema up to date.
   *
   * @throws NotARhizomeDatabaseException if the file is some other SQLite database
   * @throws DataTooNewException if a newer Rhizome wrote it (the file is not touched)
   * @throws CorruptDatabaseException if the file is damaged or not a database at all
   */
  public static Database open(Path file) throws StoreException {
    Database db = new Database(file.toAbsolutePath());
    db.checkHeader();
    try (Connection c = db.connect(false)) {
      db.prepareSchema(c);
    } catch (SQLException e) {
      throw translate("opening " + file, e);
    }
    return db;
  }

  public Path file() {
    return file;
  }

  private void checkHeader() throws StoreException {
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        Files.createDirectories(file.getParent());
        return;
      }
      byte[] head = new byte[SQLITE_MAGIC.length];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
      if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
        throw new CorruptDatabaseException(file + " is not a database (damaged, or some other kind of file)");
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void prepareSchema(Connection c) throws SQLException, StoreException {
    int appId;
    int version;
    boolean empty;
    try (Statement s = c.createStatement()) {
      appId = intPragma(s, "application_id");
      version = intPragma(s, "user_version");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
        empty = rs.next() && rs.getInt(1) == 0;
      }
    }
    if (appId != Schema.APPLICATION_ID && !(appId == 0 && empty && version == 0)) {
      throw new NotARhizomeDatabaseException(file + " is an SQLite database, but not a Rhizome workspace");
    }
    if (version > Schema.VERSION) {
      throw new DataTooNewException(file + " has schema version " + version + "; this Rhizome knows up to "
          + Schema.VERSION + ". Update Rhizome to open it.");
    }
    if (version < Schema.VERSION && !empty) {
      backup(c, version);
    }
    for (int v = version; v < Schema.VERSION; v++) {
      boolean committed = false;
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        Schema.MIGRATIONS.get(v).apply(s);
        s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
        s.execute("PRAGMA user_version = " + (v + 1));
        c.commit();
        committed = true;
      } finally {
        if (!committed) {
          c.rollback();
        }
        c.setAutoCommit(true);
      }
      log.info("migrated {} from schema {} to {}", file, v, v + 1);
    }
  }

  private void backup(Connection c, int version) throws SQLException {
    Path target = file.resolveSibling(file.getFileName() + ".schema-v" + version + ".bak");
    if (Files.exists(target)) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
    }
    log.info("backed up {} to {} before migrating", file, target);
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** The write connection: exactly one should exist per process, owned by the writer thread. */
  public Connection openWriter() throws StoreException {
    try {
      return connect(false);
    } catch (SQLException e) {
      throw translate("opening " + file + " for writing", e);
    }
  }

  /** A read-only connection for one reader thread at a time. */
  public Connection openReader() throws StoreException {
    try {
      return connect(true);
    } catch (SQLException e) {
      throw translate("opening " + file + " for reading", e);
    }
  }

  private Connection connect(boolean readOnly) throws SQLException {
    Properties p = new Properties();
    p.setProperty("open_mode", readOnly ? "1" : "6"); // SQLITE_OPEN_READONLY : READWRITE|CREATE
    if (!readOnly) {
      // Take the write lock when a transaction begins, so two processes never deadlock upgrading.
      p.setProperty("transaction_mode", "IMMEDIATE");
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      if (!readOnly) {
        s.execute("PRAGMA journal_mode = WAL");
      }
      // WAL + NORMAL: a crash of the app never corrupts or loses a committed change; a power cut may
      // lose the last transactions, never consistency.
      s.execute("PRAGMA synchronous = NORMAL");
      s.execute("PRAGMA cache_size = -32768");
      s.execute("PRAGMA temp_store = MEMORY");
      s.execute("PRAGMA mmap_size = 268435456");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Maps SQLite's error codes to the typed exceptions callers can act on. */
  public static StoreException translate(String what, SQLException e) {
    int code = e instanceof SQLiteException se ? se.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
    if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new CorruptDatabaseException(what + ": the database file is damaged (" + e.getMessage() + ")", e);
    }
    if (code == SQLiteErrorCode.SQLITE_FULL.code) {
      return new StorageFullException(what + ": the disk is full; nothing was written", e);
    }
    return new StoreException(what + ": " + e.getMessage(), e);
  }
}
