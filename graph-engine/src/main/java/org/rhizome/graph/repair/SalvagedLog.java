package org.rhizome.graph.repair;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.store.ChangeLog;

/**
 * Reads a (possibly damaged) change log row by row, in log order, and checks every change it can
 * read: its bytes against its content address (the stored hash), its signature, its workspace, and
 * its place in its actor's chain. Rows SQLite cannot read are skipped (a range that fails is
 * retried one row at a time) and counted. Confined to one thread.
 */
final class SalvagedLog {
  private static final int BATCH = 2000;

  /** A change read and checked, with its log position. */
  record Entry(long id, Change change) {}

  final List<Entry> good = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  long unreadableRows;
  long badChanges;

  /**
   * The membership mode the good changes show, for a file whose meta table lost it: members-only
   * when any change writes a membership field (the founder's genesis, a device's person or
   * certificate, an invite — all under {@code sys.}); open otherwise, since a members-only
   * workspace starts with its genesis and an open one has no members to record. Guessing
   * members-only for a personal workspace would refuse every change of it on replay.
   */
  MembershipMode modeFromChanges() {
    for (Entry e : good) {
      for (Op op : e.change().ops()) {
        if (SystemSouls.isSystem(op.soul())) {
          return MembershipMode.MEMBERS;
        }
      }
    }
    return MembershipMode.OPEN;
  }

  /** Each actor's last seq and hash, as the chain of the good changes has it. */
  final Map<ActorId, ChangeHash> heads = new HashMap<>();

  final Map<ActorId, Long> seqs = new HashMap<>();

  private final Connection c;
  private @Nullable WorkspaceId workspace;
  private final ChangeLog decoder;

  /**
   * @param workspace the workspace the log belongs to; null if unknown (then its first readable
   *     change says)
   */
  SalvagedLog(Connection c, @Nullable WorkspaceId workspace) {
    this.c = c;
    this.workspace = workspace;
    this.decoder = new ChangeLog(c);
  }

  @Nullable WorkspaceId workspace() {
    return workspace;
  }

  /** Reads the whole log. */
  SalvagedLog read() {
    long maxId;
    try (PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      maxId = rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      problem(
          "the change log's size cannot be read ("
              + e.getMessage()
              + "); reading on until rows stop");
      maxId = Long.MAX_VALUE;
    }
    long from = 1;
    while (from <= maxId) {
      long to = maxId == Long.MAX_VALUE ? from + BATCH - 1 : Math.min(maxId, from + BATCH - 1);
      try {
        int rows = readRange(from, to);
        if (rows == 0 && maxId == Long.MAX_VALUE) {
          break;
        }
      } catch (SQLException rangeFailed) {
        for (long id = from; id <= to; id++) {
          try {
            readRange(id, id);
          } catch (SQLException rowFailed) {
            unreadableRows++;
            problem("log entry " + id + " cannot be read: " + rowFailed.getMessage());
          }
        }
      }
      from = to + 1;
    }
    return this;
  }

  private int readRange(long from, long to) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, hash, encoding, body FROM change_log WHERE id BETWEEN ? AND ? ORDER BY id")) {
      ps.setLong(1, from);
      ps.setLong(2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4)});
        }
      }
    }
    // Checked only once the whole range was read, so a range retried row by row is not counted
    // twice.
    for (Object[] r : rows) {
      check((Long) r[0], (byte[]) r[1], (Integer) r[2], (byte[]) r[3]);
    }
    return rows.size();
  }

  private void check(long id, byte[] storedHash, int encoding, byte[] body) {
    Change change;
    try {
      change = decoder.decodeStored(encoding, body == null ? new byte[0] : body);
    } catch (StoreException | RuntimeException e) {
      bad("log entry " + id + " cannot be decoded: " + e.getMessage());
      return;
    }
    if (storedHash == null || !Arrays.equals(storedHash, change.hash().toBytes())) {
      bad(
          "log entry "
              + id
              + " (change #"
              + change.seq()
              + " of "
              + change.actor()
              + ") does not match its hash: its bytes changed");
      return;
    }
    if (!change.hasValidSignature()) {
      bad(
          "log entry "
              + id
              + " (change #"
              + change.seq()
              + " of "
              + change.actor()
              + ") has a signature that does not verify");
      return;
    }
    if (workspace == null) {
      workspace = change.workspace();
    }
    if (!change.workspace().equals(workspace)) {
      bad("log entry " + id + " belongs to workspace " + change.workspace() + ", not " + workspace);
      return;
    }
    long last = seqs.getOrDefault(change.actor(), 0L);
    ChangeHash prev = heads.getOrDefault(change.actor(), Change.NO_PREVIOUS);
    if (change.seq() != last + 1 || !change.prev().equals(prev)) {
      bad(
          "log entry "
              + id
              + " (change #"
              + change.seq()
              + " of "
              + change.actor()
              + ") does not follow #"
              + last
              + " in its actor's chain");
      // kept: a replay refuses it (and what depends on it) with its own reason
    } else {
      seqs.put(change.actor(), change.seq());
      heads.put(change.actor(), change.hash());
    }
    good.add(new Entry(id, change));
  }

  private void bad(String what) {
    badChanges++;
    problem(what);
  }

  private void problem(String what) {
    if (problems.size() < 200) {
      problems.add(what);
    } else if (problems.size() == 200) {
      problems.add("(more problems not listed)");
    }
  }
}
