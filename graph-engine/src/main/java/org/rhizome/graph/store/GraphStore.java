package org.rhizome.graph.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.text.TextChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's SQLite store: one writer thread ({@code rhizome-db-writer}) that owns the write
 * connection and runs {@link WriteTask}s one at a time, each in its own transaction; and a small
 * pool of read-only connections used on the callers' threads. Thread-safe.
 */
public final class GraphStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GraphStore.class);
  private static final int MAX_READERS = 4;

  private final Database database;
  private final WorkspaceId workspaceId;
  private final MembershipMode mode;
  private final ExecutorService writerThread;
  private final Writer writer;
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
  private final CommitListener onCommit;
  private volatile boolean closed;

  /** True while a check for other processes' commits waits on the writer thread. */
  private final java.util.concurrent.atomic.AtomicBoolean checkQueued =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** At most this many foreign changes are read per check; the rest come with the next one. */
  static final int CATCH_UP_PAGE = 2000;

  /** State confined to the writer thread. */
  static final class Writer {
    final Connection connection;
    final Actors actors;
    final ChangeLog log;
    final FieldTable fields;
    final NoteIndex index;
    final ChangeApplier applier;
    final TextDocuments texts;
    final MembershipRules rules;

    /** Private notes (decision 0008); null until {@link GraphStore#useKeys}. */
    Sealing sealing;

    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** A prepared statement kept for the life of the write connection. */
    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null) {
        ps = connection.prepareStatement(sql);
        statements.put(sql, ps);
      }
      return ps;
    }

    private long dataVersion = -1;

    /**
     * The log position of the last change this writer has seen (its own or read back from others).
     */
    long lastLogId = -1;

    /**
     * Another process (the CLI while the app runs) may have committed since we last looked:
     * SQLite's data_version tells (one cheap pragma). Then cached heads and vectors are dropped,
     * and the new log entries are read back: their text edits are merged into the live documents
     * (so editors get their exact splices) and they are returned for the change feed. Past one page
     * of them, live documents are dropped instead and the rest is read at the next check. Writer
     * thread only; in a write transaction, call it first.
     */
    List<Change> catchUpIfChangedElsewhere() throws SQLException, StoreException {
      PreparedStatement ps = prepare("PRAGMA data_version");
      long now;
      try (ResultSet rs = ps.executeQuery()) {
        now = rs.next() ? rs.getLong(1) : -1;
      }
      if (now == dataVersion) {
        return List.of();
      }
      log.forget();
      rules.forget();
      if (lastLogId < 0) {
        lastLogId = log.lastId();
        dataVersion = now;
        return List.of();
      }
      List<ChangeLog.Entry> entries = log.entriesAfter(lastLogId, CATCH_UP_PAGE);
      List<Change> foreign = new java.util.ArrayList<>(entries.size());
      for (ChangeLog.Entry e : entries) {
        foreign.add(e.change());
        lastLogId = e.id();
      }
      if (entries.size() < CATCH_UP_PAGE) {
        if (withholdsAny(foreign)) {
          texts.forget();
        } else {
          texts.catchUp(foreign);
        }
        dataVersion = now;
      } else {
        texts.forget(); // more to read than one page: the next check reads on
      }
      return foreign;
    }

    /**
     * Whether another process's changes include one kept without effect, or an event that may have
     * taken effects back (decision 0007): their texts are then read again from the table rather
     * than replayed.
     */
    private boolean withholdsAny(List<Change> foreign) throws SQLException, StoreException {
      for (Change c : foreign) {
        if (RoleView.hasEvent(c) || !rules.permits(c) || Sealing.touchesSeal(c)) {
          return true;
        }
      }
      return false;
    }

    Writer(Connection connection, WorkspaceId workspace, MembershipMode mode, ParsedBodies parser)
        throws SQLException {
      this.connection = connection;
      this.actors = new Actors(connection);
      this.log = new ChangeLog(connection, actors);
      this.fields = new FieldTable(connection, actors);
      this.index = new NoteIndex(connection, parser);
      this.texts = new TextDocuments(connection);
      this.rules = new MembershipRules(workspace, mode, fields, log);
      this.applier = new ChangeApplier(workspace, log, texts, rules, connection);
    }
  }

  private GraphStore(
      Database database,
      WorkspaceId workspaceId,
      MembershipMode mode,
      Connection writeConnection,
      ParsedBodies parser,
      CommitListener onCommit)
      throws SQLException, StoreException {
    this.database = database;
    this.workspaceId = workspaceId;
    this.mode = mode;
    this.onCommit = onCommit;
    this.writer = new Writer(writeConnection, workspaceId, mode, parser);
    writer.catchUpIfChangedElsewhere(); // marks where this writer starts hearing other processes
    this.writerThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "rhizome-db-writer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Opens the store at {@code file}, creating a workspace with a fresh random id (or {@code
   * idIfNew}, when joining an existing workspace) if the file is new.
   *
   * @param onCommit called on the writer thread after each commit with the changes it applied; it
   *     must hand work off quickly
   */
  public static GraphStore open(
      Path file, WorkspaceId idIfNew, ParsedBodies parser, Consumer<List<Change>> onCommit)
      throws StoreException {
    return open(file, idIfNew, MembershipMode.OPEN, parser, onCommit);
  }

  /**
   * As {@link #open(Path, WorkspaceId, MembershipMode, ParsedBodies, CommitListener)}, hearing only
   * the changes.
   */
  public static GraphStore open(
      Path file,
      WorkspaceId idIfNew,
      MembershipMode modeIfNew,
      ParsedBodies parser,
      Consumer<List<Change>> onCommit)
      throws StoreException {
    return open(
        file,
        idIfNew,
        modeIfNew,
        parser,
        (CommitListener) (changes, texts, other) -> onCommit.accept(changes));
  }

  /**
   * As {@link #open(Path, WorkspaceId, ParsedBodies, Consumer)}; a new file checks membership as
   * {@code modeIfNew} says, and {@code onCommit} hears text effects and other processes' commits
   * too.
   */
  public static GraphStore open(
      Path file,
      WorkspaceId idIfNew,
      MembershipMode modeIfNew,
      ParsedBodies parser,
      CommitListener onCommit)
      throws StoreException {
    Database db =
        Database.open(
            file, Map.of(WORKSPACE_ID_KEY, idIfNew.hex(), MEMBERSHIP_KEY, modeIfNew.name()));
    Connection c = db.openWriter();
    try {
      c.setAutoCommit(true);
      WorkspaceId id = readOrCreateWorkspaceId(c, idIfNew);
      MembershipMode mode = readOrCreateMode(c, modeIfNew);
      return new GraphStore(db, id, mode, c, parser, onCommit);
    } catch (SQLException e) {
      closeQuietly(c);
      throw Database.translate("opening " + file, e);
    }
  }

  private static final String WORKSPACE_ID_KEY = "workspace_id";
  private static final String MEMBERSHIP_KEY = "membership";

  public static WorkspaceId randomWorkspaceId(SecureRandom random) {
    byte[] b = new byte[WorkspaceId.LENGTH];
    random.nextBytes(b);
    return WorkspaceId.of(b);
  }

  private static WorkspaceId readOrCreateWorkspaceId(Connection c, WorkspaceId idIfNew)
      throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT value FROM meta WHERE key = 'workspace_id'");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        return WorkspaceId.parse(rs.getString(1));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO meta(key, value) VALUES ('workspace_id', ?)")) {
      ps.setString(1, idIfNew.hex());
      ps.executeUpdate();
    }
    return idIfNew;
  }

  private static MembershipMode readOrCreateMode(Connection c, MembershipMode ifNew)
      throws SQLException {
    Optional<String> stored = readMeta(c, "membership");
    if (stored.isPresent()) {
      try {
        return MembershipMode.valueOf(stored.get());
      } catch (IllegalArgumentException e) {
        throw new SQLException("unknown membership mode " + stored.get(), e);
      }
    }
    writeMeta(c, "membership", ifNew.name());
    return ifNew;
  }

  /** A value of the store's local settings (never replicated); empty if unset. */
  public static Optional<String> readMeta(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Removes a value of the store's local settings (nothing when it was unset). */
  public static void deleteMeta(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      ps.executeUpdate();
    }
  }

  public static void writeMeta(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  public WorkspaceId workspaceId() {
    return workspaceId;
  }

  /**
   * Hands the store this device's note keys (decision 0008): from now on its ops on private notes
   * are sealed, and what it holds the keys of is opened. Call once, before the first write.
   */
  public void useKeys(org.rhizome.graph.privacy.KeyRing ring) throws StoreException {
    try {
      writerThread
          .submit(
              () -> {
                Sealing s =
                    new Sealing(
                        ring,
                        writer.connection,
                        writer.fields,
                        writer.log,
                        writer.texts,
                        writer.rules,
                        file());
                writer.sealing = s;
                writer.log.sealWith(s);
                writer.applier.sealWith(s);
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while opening " + file());
    } catch (java.util.concurrent.ExecutionException e) {
      throw new StoreException("cannot use the note keys: " + e.getCause(), e.getCause());
    }
  }

  public MembershipMode membershipMode() {
    return mode;
  }

  public Path file() {
    return database.file();
  }

  /**
   * Runs {@code task} on the writer thread in one transaction (BEGIN IMMEDIATE, so other processes
   * on the same file wait their turn). Never blocks the caller. The future fails with the task's
   * exception, or a {@link StoreException} for storage failures; the transaction is then rolled
   * back.
   */
  public <T> CompletableFuture<T> write(WriteTask<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new StoreException("the workspace is closed"));
      return result;
    }
    Optional<String> damaged = DamageMarker.read(database.file());
    if (damaged.isPresent()) {
      result.completeExceptionally(DamageMarker.refusal(database.file(), damaged.get()));
      return result;
    }
    writerThread.execute(() -> runWrite(task, result));
    return result;
  }

  private <T> void runWrite(WriteTask<T> task, CompletableFuture<T> result) {
    long total = WriteStats.start();
    Connection c = writer.connection;
    WriteTxn txn = new WriteTxn(writer);
    boolean committed = false;
    try {
      c.setAutoCommit(false); // the writer connection begins IMMEDIATE transactions
      List<Change> foreign = writer.catchUpIfChangedElsewhere();
      if (!foreign.isEmpty()) {
        notifyCommitted(foreign, writer.texts.takeChanges(), true);
      }
      T value = task.run(txn);
      txn.reindexTouched();
      long lastId = txn.applied().isEmpty() ? writer.lastLogId : writer.log.lastId();
      long t = WriteStats.start();
      c.commit();
      WriteStats.add(WriteStats.Stage.COMMIT, t);
      committed = true;
      writer.lastLogId = lastId;
      if (!txn.applied().isEmpty()) {
        notifyCommitted(txn.applied(), writer.texts.takeChanges(), false);
      }
      result.complete(value);
    } catch (SQLException e) {
      result.completeExceptionally(
          damageNoted(Database.translate("writing " + database.file(), e)));
    } catch (Throwable e) {
      result.completeExceptionally(damageNoted(e));
      if (e instanceof Error err) {
        rollback(c, committed);
        throw err;
      }
    } finally {
      writer.texts.end();
      if (!committed) {
        writer.log.forget();
        writer.texts.forget();
        writer.rules.forget();
      }
      rollback(c, committed);
      WriteStats.add(WriteStats.Stage.WRITER_TOTAL, total);
    }
  }

  /**
   * Marks the file damaged when {@code failure} says it is; returns it, or for damage found deep in
   * the store (a change or a text that cannot be read), the same naming the file and what to do.
   */
  @SuppressWarnings("unchecked")
  private <E extends Throwable> E damageNoted(E failure) {
    if (failure instanceof CorruptDatabaseException corrupt) {
      DamageMarker.record(database.file(), failure.getMessage());
      String message = String.valueOf(corrupt.getMessage());
      if (!message.contains("rhizome repair")) {
        return (E)
            new CorruptDatabaseException(
                database.file()
                    + ": "
                    + message
                    + ". Writes to it are refused from now on;"
                    + " `rhizome check` reports what is wrong, `rhizome repair` salvages what can be read",
                corrupt);
      }
    }
    return failure;
  }

  private void notifyCommitted(List<Change> applied, List<TextChange> texts, boolean otherProcess) {
    try {
      onCommit.committed(List.copyOf(applied), texts, otherProcess);
    } catch (RuntimeException e) {
      log.error("a commit listener failed", e);
    }
  }

  /**
   * Looks, on the writer thread and outside any transaction, for changes other processes committed
   * to the file, and reports them to the commit listener. At most one check waits at a time; cheap
   * when nothing changed (one pragma). Call it every few tens of milliseconds while someone
   * listens.
   */
  public void checkForeignCommits() {
    if (closed || !checkQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      writerThread.execute(
          () -> {
            checkQueued.set(false);
            if (closed) {
              return;
            }
            try {
              List<Change> foreign = writer.catchUpIfChangedElsewhere();
              if (!foreign.isEmpty()) {
                notifyCommitted(foreign, writer.texts.takeChanges(), true);
              }
            } catch (SQLException | StoreException | RuntimeException e) {
              writer.log.forget();
              writer.texts.forget();
              writer.rules.forget();
              log.warn("could not read other processes' changes", e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      checkQueued.set(false);
    }
  }

  private static void rollback(Connection c, boolean committed) {
    try {
      if (!committed && !c.getAutoCommit()) {
        c.rollback();
      }
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // After a failed write (disk full, I/O error) the connection may have rolled back by itself:
      // the failure itself is what the caller reports; this is only for the log file.
      log.info("rollback after a failed write failed too: {}", e.toString());
    }
  }

  /** Runs {@code task} on the caller's thread with a pooled read-only connection. */
  public <T> T read(ReadTask<T> task) throws StoreException {
    if (closed) {
      throw new StoreException("the workspace is closed");
    }
    Connection c = idleReaders.poll();
    if (c == null) {
      c = database.openReader();
      if (writer.sealing != null) {
        ChangeLog.sealReads(c, writer.sealing); // private notes (decision 0008)
      }
    }
    try {
      return task.run(c);
    } catch (SQLException e) {
      throw damageNoted(Database.translate("reading " + database.file(), e));
    } catch (CorruptDatabaseException e) {
      throw damageNoted(e);
    } finally {
      if (closed || !idleReaders.offer(c)) {
        closeQuietly(c);
      }
    }
  }

  /** Finishes queued writes, then closes every connection. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Readers first: the last connection to close checkpoints the WAL into the main file, and only
    // the writer may do that (a read-only connection would leave the WAL behind).
    Connection c;
    while ((c = idleReaders.poll()) != null) {
      closeQuietly(c);
    }
    writerThread.execute(
        () -> {
          writer.log.close();
          closeQuietly(writer.connection);
        });
    writerThread.shutdown();
    try {
      if (!writerThread.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("the writer did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.warn("closing a connection failed", e);
    }
  }
}
