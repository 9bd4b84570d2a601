package org.rhizome.graph.store;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.VersionVector;

/**
 * The append-only change log in SQLite: each change's canonical bytes (deflated when that saves
 * space), in arrival order, which is a causal order because a change is only stored after its
 * dependencies. The {@code actor} table keeps each actor's last seq and hash: the version vector.
 * Instances wrap one connection and are confined to its thread.
 */
public final class ChangeLog {
  private static final int RAW = 0;
  private static final int DEFLATE = 1;

  private final Connection c;
  private final Actors actors;
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private final Inflater inflater = new Inflater(true);
  private PreparedStatement insert;
  private PreparedStatement upsertHead;
  private PreparedStatement selectHead;
  private PreparedStatement selectHash;
  private PreparedStatement selectVector;
  private PreparedStatement insertTextEdit;

  /** Private notes (decision 0008): opens what this device can read of a loaded change. */
  private @org.jspecify.annotations.Nullable Sealing sealing;

  /** The version vector as of the last read or append on this connection; null when unknown. */
  private VersionVector vector;

  /**
   * Actors' heads as read or appended on this connection: a change's chain check and the next own
   * change read them here, not from SQL. Dropped by {@link #forget()}.
   */
  private final Map<ActorId, Head> heads = new HashMap<>();

  /**
   * Heads appended in the transaction under way and not yet written to the {@code actor} table:
   * written once per actor by {@link #flushHeads()}, before the commit, rather than once per
   * change.
   */
  private final Map<Long, Head> unwrittenHeads = new HashMap<>();

  /** The log position the next appended change gets; 0 when not known yet. */
  private long nextId;

  /** Changes shorter than this are stored as they are: deflate would save too little to matter. */
  static final int DEFLATE_FROM_BYTES = 512;

  /** Deflaters of the threads that pack changes for the writer (see {@link #pack}). */
  private static final ThreadLocal<Deflater> PACKERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

  /**
   * Changes packed on other threads for the transaction under way, taken by {@link #append}: a
   * remote change is deflated by the thread that verified it, not by the writer. Keyed by the
   * change's hash, not its identity: a sealed change reaches {@link #append} as the object seen
   * with its ops opened (decision 0008), a different object with the same signed bytes.
   */
  private final Map<Change, Packed> prepacked = new java.util.HashMap<>();

  /** A change's log row body as {@link #append} would store it, made ahead of the append. */
  public record Packed(Change change, int encoding, byte[] body) {}

  /**
   * Packs {@code change} for the log on the calling thread (deflated when that saves at least a
   * tenth), so the writer that appends it has only the row to write. Thread-safe.
   */
  public static Packed pack(Change change) {
    return pack(change, PACKERS.get());
  }

  private static Packed pack(Change change, Deflater deflater) {
    byte[] raw = change.encoded();
    if (raw.length >= DEFLATE_FROM_BYTES
        && !org.rhizome.graph.privacy.PrivateSouls.mostlySealed(change.draft().ops(), raw.length)) {
      byte[] packed = deflate(deflater, raw);
      if (packed.length < raw.length * 9 / 10) {
        return new Packed(change, DEFLATE, packed);
      }
    }
    return new Packed(change, RAW, raw);
  }

  /** Hands the next {@link #append} of {@code packed.change()} its packed body. */
  void offer(Packed packed) {
    prepacked.put(packed.change(), packed);
  }

  public ChangeLog(Connection c) {
    this(c, new Actors(c));
    this.sealing = READ_SEALING.get(c); // private notes (decision 0008)
  }

  /** The sealing of each read connection of a store that holds note keys (decision 0008). */
  private static final Map<Connection, Sealing> READ_SEALING =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** Logs on read connection {@code c} see changes with what this device can open. */
  static void sealReads(Connection c, Sealing sealing) {
    READ_SEALING.put(c, sealing);
  }

  ChangeLog(Connection c, Actors actors) {
    this.c = c;
    this.actors = actors;
  }

  /** An actor's last stored seq, its hash and its clock. */
  public record Head(long seq, ChangeHash hash, long hlc) {
    static final Head NONE = new Head(0, Change.NO_PREVIOUS, 0);
  }

  public Head head(ActorId actor) throws SQLException {
    Head known = heads.get(actor);
    if (known != null) {
      return known;
    }
    if (selectHead == null) {
      selectHead =
          c.prepareStatement(
              "SELECT a.seq, a.head, coalesce(l.hlc, 0) FROM actor a"
                  + " LEFT JOIN change_log l ON l.actor = a.id AND l.seq = a.seq WHERE a.key = ?");
    }
    selectHead.setBytes(1, actor.toBytes());
    Head head;
    try (ResultSet rs = selectHead.executeQuery()) {
      head =
          rs.next()
              ? new Head(rs.getLong(1), ChangeHash.of(rs.getBytes(2)), rs.getLong(3))
              : Head.NONE;
    }
    heads.put(actor, head);
    return head;
  }

  public Optional<ChangeHash> hashAt(ActorId actor, long seq) throws SQLException {
    Optional<Long> id = actors.find(actor);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    if (selectHash == null) {
      selectHash = c.prepareStatement("SELECT hash FROM change_log WHERE actor = ? AND seq = ?");
    }
    selectHash.setLong(1, id.get());
    selectHash.setLong(2, seq);
    try (ResultSet rs = selectHash.executeQuery()) {
      return rs.next() ? Optional.of(ChangeHash.of(rs.getBytes(1))) : Optional.empty();
    }
  }

  /**
   * The seq of {@code actor}'s stored change made at clock {@code hlc} (an actor's clocks rise).
   */
  Optional<Long> seqAt(ActorId actor, long hlc) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.seq FROM change_log l JOIN actor a ON a.id = l.actor WHERE a.key = ? AND l.hlc = ? ORDER BY l.seq LIMIT 1")) {
      ps.setBytes(1, actor.toBytes());
      ps.setLong(2, hlc);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * Appends a change that the caller has checked follows the actor's head, and notes which text
   * fields it edits (for their version history). The actor's head in the {@code actor} table is
   * written by {@link #flushHeads()}, which the transaction calls before it commits; until then
   * {@link #head} and {@link #versionVector} answer from memory.
   *
   * @return the change's log position
   */
  public long append(Change change) throws SQLException {
    if (insert == null) {
      insert =
          c.prepareStatement(
              "INSERT INTO change_log(id, actor, seq, hash, hlc, encoding, body) VALUES (?,?,?,?,?,?,?)");
    }
    if (nextId == 0) {
      nextId = lastId() + 1;
    }
    long id = nextId;
    long actor = actors.idFor(change.actor());
    Packed packed = prepacked.remove(change);
    if (packed == null) {
      long t = WriteStats.start();
      packed = pack(change, deflater);
      WriteStats.add(WriteStats.Stage.DEFLATE, t);
    }
    long t = WriteStats.start();
    insert.setLong(1, id);
    insert.setLong(2, actor);
    insert.setLong(3, change.seq());
    insert.setBytes(4, change.hash().toBytes());
    insert.setLong(5, change.hlc());
    insert.setInt(6, packed.encoding());
    insert.setBytes(7, packed.body());
    insert.executeUpdate();
    nextId = id + 1;
    recordTextEdits(change, id);
    WriteStats.add(WriteStats.Stage.LOG_ROWS, t);
    Head head = new Head(change.seq(), change.hash(), change.hlc());
    heads.put(change.actor(), head);
    unwrittenHeads.put(actor, head);
    if (vector != null) {
      vector = vector.with(change.actor(), change.seq());
    }
    return id;
  }

  /**
   * Writes the heads of the actors whose changes were appended since the last call: once per actor
   * per transaction. Call it inside the transaction, before it commits.
   */
  void flushHeads() throws SQLException {
    prepacked.clear(); // packed for changes that turned out duplicates or were refused
    if (unwrittenHeads.isEmpty()) {
      return;
    }
    if (upsertHead == null) {
      upsertHead = c.prepareStatement("UPDATE actor SET seq = ?, head = ? WHERE id = ?");
    }
    for (Map.Entry<Long, Head> e : unwrittenHeads.entrySet()) {
      upsertHead.setLong(1, e.getValue().seq());
      upsertHead.setBytes(2, e.getValue().hash().toBytes());
      upsertHead.setLong(3, e.getKey());
      upsertHead.executeUpdate();
    }
    unwrittenHeads.clear();
  }

  private void recordTextEdits(Change change, long logId) throws SQLException {
    for (Op op : change.ops()) {
      if (op instanceof Op.TextEdit edit) {
        if (insertTextEdit == null) {
          insertTextEdit =
              c.prepareStatement("INSERT INTO text_edit(soul, name, log_id) VALUES (?,?,?)");
        }
        insertTextEdit.setString(1, edit.soul().value());
        insertTextEdit.setString(2, edit.field());
        insertTextEdit.setLong(3, logId);
        insertTextEdit.executeUpdate();
      }
    }
  }

  /** Drops cached state: after a rollback, or when another connection has committed. */
  void forget() {
    vector = null;
    heads.clear();
    unwrittenHeads.clear();
    prepacked.clear();
    nextId = 0;
    actors.forget();
  }

  public VersionVector versionVector() throws SQLException {
    if (vector != null) {
      return vector;
    }
    flushHeads(); // the table must hold this transaction's heads before it is read
    Map<ActorId, Long> seqs = new HashMap<>();
    if (selectVector == null) {
      selectVector = c.prepareStatement("SELECT key, seq FROM actor WHERE seq > 0");
    }
    try (ResultSet rs = selectVector.executeQuery()) {
      while (rs.next()) {
        seqs.put(ActorId.of(rs.getBytes(1)), rs.getLong(2));
      }
    }
    vector = VersionVector.of(seqs);
    return vector;
  }

  /**
   * Up to {@code limit} changes that {@code have} lacks, in causal (arrival) order, starting after
   * log id {@code afterId} (0 to start at the beginning; pass the last returned {@link
   * StoredChange#position()} to page on).
   */
  public List<StoredChange> changesSince(VersionVector have, long afterId, int limit)
      throws SQLException, StoreException {
    List<StoredChange> out = new ArrayList<>();
    long firstMissing = firstMissing(have);
    if (firstMissing == Long.MAX_VALUE) {
      return out; // they have everything we have
    }
    afterId = Math.max(afterId, firstMissing - 1); // skip the prefix of the log they hold in full
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, a.key, l.seq, l.encoding, l.body, l.hash FROM change_log l JOIN actor a ON a.id = l.actor"
                + " WHERE l.id > ? ORDER BY l.id LIMIT ?")) {
      long cursor = afterId;
      while (out.size() < limit) {
        ps.setLong(1, cursor);
        ps.setInt(2, Math.max(256, limit - out.size()));
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && out.size() < limit) {
            rows++;
            cursor = rs.getLong(1);
            ActorId actor = ActorId.of(rs.getBytes(2));
            if (rs.getLong(3) > have.get(actor)) {
              out.add(
                  new StoredChange(
                      cursor,
                      ChangeHash.of(rs.getBytes(6)),
                      actor,
                      rs.getLong(3),
                      canonical(rs.getInt(4), rs.getBytes(5))));
            }
          }
        }
        if (rows == 0) {
          break;
        }
      }
    }
    return out;
  }

  public Optional<Change> load(ActorId actor, long seq) throws SQLException, StoreException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.encoding, l.body FROM change_log l JOIN actor a ON a.id = l.actor WHERE a.key = ? AND l.seq = ?")) {
      ps.setBytes(1, actor.toBytes());
      ps.setLong(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(decode(rs.getInt(1), rs.getBytes(2))) : Optional.empty();
      }
    }
  }

  /**
   * The log position of the earliest change {@code have} lacks, or Long.MAX_VALUE when it lacks
   * none.
   */
  private long firstMissing(VersionVector have) throws SQLException {
    long first = Long.MAX_VALUE;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id FROM change_log l JOIN actor a ON a.id = l.actor"
                + " WHERE a.key = ? AND l.seq = ?")) {
      for (Map.Entry<ActorId, Long> ours : versionVector().asMap().entrySet()) {
        long theirs = have.get(ours.getKey());
        if (ours.getValue() > theirs) {
          ps.setBytes(1, ours.getKey().toBytes());
          ps.setLong(2, theirs + 1);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              first = Math.min(first, rs.getLong(1));
            }
          }
        }
      }
    }
    return first;
  }

  /** The stored change at log position {@code id}. */
  public Optional<Change> loadById(long id) throws SQLException, StoreException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT encoding, body FROM change_log WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(decode(rs.getInt(1), rs.getBytes(2))) : Optional.empty();
      }
    }
  }

  /** Up to {@code limit} stored changes after log position {@code afterId}, in log order. */
  public List<Entry> entriesAfter(long afterId, int limit) throws SQLException, StoreException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, encoding, body FROM change_log WHERE id > ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong(1), decode(rs.getInt(2), rs.getBytes(3))));
        }
      }
    }
    return out;
  }

  /** The log position of the last stored change (0 when the log is empty). */
  public long lastId() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * The latest hybrid-clock reading of any stored change (0 when the log is empty): where a
   * reopened clock resumes.
   */
  public long maxHlc() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(hlc), 0) FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  public long count() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** A stored change and its position in the log. */
  public record Entry(long id, Change change) {}

  private static byte[] deflate(Deflater deflater, byte[] raw) {
    deflater.reset();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
    byte[] buf = new byte[Math.max(64, raw.length)];
    while (!deflater.finished()) {
      int n = deflater.deflate(buf);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a stored log entry ({@code encoding} and {@code body} columns), for reading a log row
   * by row (check and repair).
   *
   * @throws CorruptDatabaseException if the entry cannot be read
   */
  public Change decodeStored(int encoding, byte[] body) throws StoreException {
    return decode(encoding, body);
  }

  /** Changes loaded from now on are seen with their sealed ops opened (decision 0008). */
  void sealWith(Sealing sealing) {
    this.sealing = sealing;
  }

  private Change decode(int encoding, byte[] body) throws StoreException {
    try {
      Change change = ChangeCodec.decode(canonical(encoding, body));
      return sealing == null ? change : sealing.opened(change, c); // private notes (0008)
    } catch (MalformedChangeException e) {
      throw new CorruptDatabaseException(
          "a change in the log cannot be read: " + e.getMessage(), e);
    }
  }

  /** A stored entry's canonical bytes (inflated if it was stored deflated), not decoded. */
  private byte[] canonical(int encoding, byte[] body) throws StoreException {
    try {
      return switch (encoding) {
        case RAW -> body;
        case DEFLATE -> inflate(body);
        default ->
            throw new CorruptDatabaseException(
                "change log entry with unknown encoding " + encoding);
      };
    } catch (DataFormatException e) {
      throw new CorruptDatabaseException(
          "a change in the log cannot be read: " + e.getMessage(), e);
    }
  }

  private byte[] inflate(byte[] packed) throws DataFormatException {
    inflater.reset();
    inflater.setInput(packed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 3);
    byte[] buf = new byte[Math.max(256, packed.length * 2)];
    while (!inflater.finished()) {
      int n = inflater.inflate(buf);
      if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("truncated deflate stream");
      }
      out.write(buf, 0, n);
      if (out.size() > ChangeCodec.MAX_CHANGE_BYTES) {
        throw new DataFormatException("inflates past the change size limit");
      }
    }
    return out.toByteArray();
  }

  void close() {
    deflater.end();
    inflater.end();
  }
}
