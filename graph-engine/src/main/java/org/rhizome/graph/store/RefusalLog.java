package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.Refusal;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;

/**
 * The last {@value #KEPT} changes this replica refused for good (issue 16: a refused change is
 * never silent), each once however often peers offer it again. Local and never replicated. The
 * table is made when the first refusal is written (a local diagnostic, so it needs no schema
 * version).
 */
public final class RefusalLog {
  static final int KEPT = 1000;

  private RefusalLog() {}

  /** Whether a refusal is for good (worth the log), not a "later" (a dependency still missing). */
  public static boolean lasting(RefusalReason reason) {
    return reason != RefusalReason.MISSING_DEPENDENCY && reason != RefusalReason.GAP_IN_SEQ;
  }

  /** Records a refusal inside the writer's transaction. */
  public static void record(
      WriteTxn txn,
      long atMillis,
      @Nullable ChangeHash hash,
      @Nullable ActorId actor,
      long seq,
      RefusalReason reason,
      String detail)
      throws SQLException {
    Connection c = txn.connection();
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS refusal(id INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
              + " hash BLOB UNIQUE, actor BLOB, seq INTEGER NOT NULL, reason TEXT NOT NULL,"
              + " detail TEXT NOT NULL, times INTEGER NOT NULL)");
    }
    PreparedStatement ps =
        txn.prepare(
            "INSERT INTO refusal(at, hash, actor, seq, reason, detail, times) VALUES (?,?,?,?,?,?,1)"
                + " ON CONFLICT(hash) DO UPDATE SET at = excluded.at, times = times + 1,"
                + " detail = excluded.detail, reason = excluded.reason");
    ps.setLong(1, atMillis);
    ps.setBytes(2, hash == null ? null : hash.toBytes());
    ps.setBytes(3, actor == null ? null : actor.toBytes());
    ps.setLong(4, seq);
    ps.setString(5, reason.name());
    ps.setString(6, detail.length() > 2000 ? detail.substring(0, 2000) + "…" : detail);
    ps.executeUpdate();
    PreparedStatement trim =
        txn.prepare("DELETE FROM refusal WHERE id <= (SELECT max(id) FROM refusal) - " + KEPT);
    trim.executeUpdate();
  }

  /** The latest refusals, newest first; empty when none was ever recorded. */
  public static List<Refusal> recent(Connection c, int limit) throws SQLException {
    List<Refusal> out = new ArrayList<>();
    try (PreparedStatement exists =
            c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refusal'");
        ResultSet rs = exists.executeQuery()) {
      if (!rs.next()) {
        return out;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT at, actor, seq, reason, detail, times FROM refusal ORDER BY at DESC, id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] actor = rs.getBytes(2);
          RefusalReason reason;
          try {
            reason = RefusalReason.valueOf(rs.getString(4));
          } catch (IllegalArgumentException e) {
            reason = RefusalReason.UNSTORABLE;
          }
          out.add(
              new Refusal(
                  Instant.ofEpochMilli(rs.getLong(1)),
                  actor == null ? null : ActorId.of(actor),
                  rs.getLong(3),
                  reason,
                  rs.getString(5),
                  rs.getLong(6)));
        }
      }
    }
    return out;
  }
}
