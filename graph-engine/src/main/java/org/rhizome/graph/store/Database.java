package org.rhizome.graph.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.DataTooNewException;
import org.rhizome.graph.api.NotARhizomeDatabaseException;
import org.rhizome.graph.api.StorageFullException;
import org.rhizome.graph.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens Rhizome's SQLite file: checks that it is ours and of a schema we know, migrates older ones
 * (after a backup), and hands out the one write connection and any number of read connections (WAL
 * mode, so readers never block the writer). Thread-safe.
 */
final class Database {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;

  private Database(Path file) {
    this.file = file;
  }

  /**
   * Opens (creating when absent) the database at {@code file} and brings its schema up to date.
   *
   * @throws NotARhizomeDatabaseException if the file is some other SQLite database
   * @throws DataTooNewException if a newer Rhizome wrote it (the file is not touched)
   * @throws CorruptDatabaseException if the file is damaged, empty or not a database at all
   */
  public static Database open(Path file) throws StoreException {
    return open(file, Map.of());
  }

  /**
   * As {@link #open(Path)}; a file that does not exist yet is created with these rows in its {@code
   * meta} table. Creation happens in a temporary file beside it, synced and then linked into place
   * only if no file is there yet: an interrupted create leaves no half-made (or 0-byte) file, and
   * of several processes creating at once one wins and all open the winner.
   */
  public static Database open(Path file, Map<String, String> metaIfNew) throws StoreException {
    Database db = new Database(file.toAbsolutePath());
    try {
      if (!db.checkHeader()) {
        db.create(metaIfNew);
      }
      try (Connection c = db.connect(false)) {
        db.prepareSchema(c);
      } catch (SQLException e) {
        throw translate("opening " + db.file, e);
      }
    } catch (CorruptDatabaseException e) {
      DamageMarker.record(db.file, e.getMessage());
      throw e;
    }
    return db;
  }

  public Path file() {
    return file;
  }

  /**
   * Whether the file exists; if it does, checks that it can be a database.
   *
   * @throws CorruptDatabaseException if it is empty, too short, or not SQLite
   */
  private boolean checkHeader() throws StoreException {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        return false;
      }
      long size = Files.size(file);
      if (size == 0) {
        // Never taken for a new workspace: an interrupted copy or restore leaves 0 bytes, and a new
        // empty (open) workspace in its place would hide that the members, secret and notes are
        // gone.
        throw new CorruptDatabaseException(
            file
                + " is empty (0 bytes): an interrupted copy or restore? Nothing was changed."
                + " Restore it from a backup (or a peer: move it away and join again); to start afresh, delete it."
                + " `rhizome check` tells more.");
      }
      byte[] head = new byte[SQLITE_MAGIC.length];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
      if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
        throw new CorruptDatabaseException(
            file
                + " is not a database ("
                + size
                + " bytes, damaged or some other kind of file)."
                + " Nothing was changed. Restore it from a backup, or run `rhizome repair` to salvage what can be read.");
      }
      return true;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + describe(e), e);
    }
  }

  /**
   * Creates the database (schema and {@code meta} rows) in a temporary file and links it into
   * place.
   */
  private void create(Map<String, String> meta) throws StoreException {
    Path dir = file.getParent();
    Path tmp =
        dir.resolve(
            "."
                + file.getFileName()
                + ".creating-"
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    try {
      Database fresh = new Database(tmp);
      try (Connection c = fresh.connect(false)) {
        fresh.prepareSchema(c);
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)")) {
          for (Map.Entry<String, String> e : meta.entrySet()) {
            ps.setString(1, e.getKey());
            ps.setString(2, e.getValue());
            ps.executeUpdate();
          }
        }
      } // the last connection closing checkpoints the WAL into the file and removes it
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.createLink(file, tmp); // fails if the file exists: create-if-absent, atomically
      } catch (FileAlreadyExistsException raced) {
        log.info("{} was created by another process meanwhile; opening theirs", file);
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        try {
          Files.move(tmp, file); // no hard links here: a move that refuses to replace
        } catch (FileAlreadyExistsException raced) {
          log.info("{} was created by another process meanwhile; opening theirs", file);
        }
      }
      syncDirectory(dir);
    } catch (SQLException e) {
      throw translate("creating " + file, e);
    } catch (IOException e) {
      throw new StoreException("cannot create " + file + ": " + describe(e), e);
    } finally {
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        try {
          Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
        } catch (IOException e) {
          log.warn("cannot remove {}: {}", tmp, e.toString());
        }
      }
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every OS can sync a directory (Windows cannot open one); the file itself is synced.
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
      throw new NotARhizomeDatabaseException(
          file + " is an SQLite database, but not a Rhizome workspace");
    }
    if (version > Schema.VERSION) {
      throw new DataTooNewException(
          file
              + " has schema version "
              + version
              + "; this Rhizome knows up to "
              + Schema.VERSION
              + ". Update Rhizome to open it.");
    }
    if (version < Schema.VERSION && !empty) {
      backup(c, version);
    }
    while (true) {
      boolean committed = false;
      c.setAutoCommit(
          false); // the writer connection begins IMMEDIATE: the write lock is ours from here
      try (Statement s = c.createStatement()) {
        // Another process may have migrated (or created) the schema while we waited for the lock.
        int v = intPragma(s, "user_version");
        if (v >= Schema.VERSION) {
          break;
        }
        Schema.MIGRATIONS.get(v).apply(s);
        s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
        s.execute("PRAGMA user_version = " + (v + 1));
        c.commit();
        committed = true;
        log.info("migrated {} from schema {} to {}", file, v, v + 1);
      } finally {
        if (!committed) {
          c.rollback();
        }
        c.setAutoCommit(true);
      }
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

  /**
   * The page size of new files. With SQLite's 4 KiB default, a row of a {@code WITHOUT ROWID} table
   * longer than about 1 KB (a note body in {@code field}) spills into an overflow page of its own,
   * mostly empty: a quarter of that table was unused space. At 8 KiB rows up to about 2 KB stay on
   * their page.
   */
  static final int PAGE_SIZE = 8192;

  private Connection connect(boolean readOnly) throws SQLException {
    Properties p = new Properties();
    p.setProperty("open_mode", readOnly ? "1" : "6"); // SQLITE_OPEN_READONLY : READWRITE|CREATE
    // Nothing here asks for generated keys; left on, the driver follows every INSERT with a freshly
    // prepared "SELECT last_insert_rowid()" (a regex match, a prepare, a step and a finalize): a
    // third of the statements a new note costs.
    p.setProperty("jdbc.get_generated_keys", "false");
    if (!readOnly) {
      // Take the write lock when a transaction begins, so two processes never deadlock upgrading.
      p.setProperty("transaction_mode", "IMMEDIATE");
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      if (!readOnly) {
        // Taken only by a file not created yet (an existing file keeps its size): before WAL mode,
        // which writes the header. See PAGE_SIZE.
        s.execute("PRAGMA page_size = " + PAGE_SIZE);
        s.execute("PRAGMA journal_mode = WAL");
      }
      // WAL + NORMAL: a crash of the app never corrupts or loses a committed change; a power cut
      // may
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

  /**
   * Maps SQLite's error codes to the typed exceptions callers can act on; {@code what} names the
   * file.
   */
  public static StoreException translate(String what, SQLException e) {
    int code =
        e instanceof SQLiteException se ? se.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
    if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new CorruptDatabaseException(
          what
              + ": the database file is damaged ("
              + e.getMessage()
              + ")."
              + " Writes to it are refused; `rhizome check` reports what is wrong, `rhizome repair` salvages what can be read",
          e);
    }
    if (code == SQLiteErrorCode.SQLITE_FULL.code) {
      return new StorageFullException(
          what
              + ": the disk is full; nothing was lost (the change was not written)."
              + " Free some space and try again",
          e);
    }
    if (code == SQLiteErrorCode.SQLITE_READONLY.code
        || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
      return new StoreException(
          what
              + ": "
              + (code == SQLiteErrorCode.SQLITE_READONLY.code
                  ? "the file or its folder is read-only (or not writable by you)"
                  : "cannot open the file: its folder is read-only, missing, or not accessible to you")
              + "; Rhizome needs to write the file and the -wal and -shm files beside it. Copy it to writable storage",
          e);
    }
    if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
      return new StoreException(
          what
              + ": the storage reported an I/O error ("
              + e.getMessage()
              + ")."
              + " `rhizome check` tells whether the file is intact",
          e);
    }
    return new StoreException(what + ": " + e.getMessage(), e);
  }
}
