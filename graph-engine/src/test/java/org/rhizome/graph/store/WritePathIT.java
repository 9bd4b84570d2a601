package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.api.TitleTakenException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.note.NoteDraft;

/**
 * The batch-native write path: actors' heads kept in memory and written once per transaction, log
 * ids given by the writer, small changes stored undeflated, remote changes deflated by the threads
 * that verify them. What it must keep: a failed transaction leaves no trace, another process's
 * commits are seen, and every change reads back as the bytes that were signed.
 */
class WritePathIT {
  @TempDir Path dir;
  final DeviceKey key = DeviceKey.generate(new SecureRandom());

  @Test
  void aBatchThatFailsHalfWayLeavesTheChainAsItWas() throws Exception {
    Path file = dir.resolve("ws.db");
    VersionVector before;
    String digest;
    try (Workspace ws = Workspace.open(file, key)) {
      ws.createNote("First", "one");
      before = ws.versionVector();
      digest = ws.digest();
      // Two notes are signed and appended in the transaction, then the third's title is taken:
      // nothing of the batch may stay, not even the heads the writer kept in memory.
      List<NoteDraft> batch =
          List.of(new NoteDraft("A", "a"), new NoteDraft("B", "b"), new NoteDraft("First", "x"));
      assertThatThrownBy(() -> ws.createDraftsAsync(batch).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TitleTakenException.class);
      assertThat(ws.versionVector()).isEqualTo(before);
      assertThat(ws.digest()).isEqualTo(digest);
      assertThat(logRows(file)).isEqualTo(1);
      // the chain goes on from the stored head
      ws.createNote("Second", "two");
      assertThat(ws.versionVector().get(key.actor())).isEqualTo(2);
    }
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.versionVector().get(key.actor())).isEqualTo(2);
      assertThat(ws.listNotes(10)).hasSize(2);
    }
  }

  @Test
  void twoProcessesWithOneKeyTakeTurnsWithoutForkingTheChain() throws Exception {
    Path file = dir.resolve("ws.db");
    try (Workspace app = Workspace.open(file, key);
        Workspace cli = Workspace.open(file, key)) {
      for (int i = 0; i < 20; i++) {
        Workspace w = i % 3 == 0 ? cli : app;
        w.createNotesAsync(
                List.of(new String[] {"N" + i + "a", "x"}, new String[] {"N" + i + "b", "y"}))
            .get();
      }
      // each writer's cached head was dropped when the other committed
      assertThat(app.versionVector().get(key.actor())).isEqualTo(40);
      assertThat(cli.versionVector().get(key.actor())).isEqualTo(40);
    }
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.versionVector().get(key.actor())).isEqualTo(40);
      List<StoredChange> all = ws.changesSince(VersionVector.EMPTY, 0, 100);
      assertThat(all).hasSize(40);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).seq()).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void smallChangesAreStoredAsTheyAreLargeOnesDeflatedAndBothReadBackExactly() throws Exception {
    Path file = dir.resolve("ws.db");
    try (Workspace ws = Workspace.open(file, key)) {
      ws.createNote("Small", "a few words");
      ws.createNote("Large", "words that repeat, and repeat again. ".repeat(100));
      List<StoredChange> stored = ws.changesSince(VersionVector.EMPTY, 0, 10);
      assertThat(stored).hasSize(2);
      Map<Long, Integer> encodings = encodings(file);
      assertThat(encodings.get(stored.get(0).position())).isZero(); // raw
      assertThat(encodings.get(stored.get(1).position())).isEqualTo(1); // deflated
      for (StoredChange c : stored) {
        assertThat(org.rhizome.graph.change.ChangeCodec.decode(c.bytes()).hash())
            .isEqualTo(c.hash());
      }
    }
  }

  @Test
  void remoteChangesPackedWhileVerifyingAreStoredAsTheAuthorStoredThem() throws Exception {
    Path source = dir.resolve("source.db");
    Path replica = dir.resolve("replica.db");
    List<byte[]> changes = new ArrayList<>();
    String digest;
    org.rhizome.graph.model.WorkspaceId id;
    try (Workspace ws = Workspace.open(source, key)) {
      id = ws.id();
      for (int i = 0; i < 30; i++) {
        ws.createNote("Note " + i, i % 2 == 0 ? "short " + i : "a longer body. ".repeat(60) + i);
      }
      digest = ws.digest();
      for (StoredChange c : ws.changesSince(VersionVector.EMPTY, 0, 100)) {
        changes.add(c.bytes());
      }
    }
    try (Workspace ws =
        Workspace.open(
            replica, id, DeviceKey.generate(new SecureRandom()), System::currentTimeMillis)) {
      List<ApplyResult> first = ws.applyRemote(changes.subList(0, 20));
      assertThat(first).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
      // the rest, with the first ten again: those are duplicates and write nothing
      List<ApplyResult> second = ws.applyRemote(changes.subList(10, 30));
      assertThat(second.subList(0, 10)).allMatch(r -> r.status() == ApplyResult.Status.DUPLICATE);
      assertThat(second.subList(10, 20)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
      assertThat(ws.digest()).isEqualTo(digest);
    }
    assertThat(logRows(replica)).isEqualTo(30);
    assertThat(rowsByHash(replica)).isEqualTo(rowsByHash(source));
  }

  private static long logRows(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<Long, Integer> encodings(Path file) throws Exception {
    Map<Long, Integer> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement("SELECT id, encoding FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getInt(2));
      }
    }
    return out;
  }

  /** Each change's stored row (encoding and body), by hash. */
  private static Map<String, String> rowsByHash(Path file) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps =
            c.prepareStatement("SELECT hex(hash), encoding, hex(body) FROM change_log");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2) + ":" + rs.getString(3));
      }
    }
    return out;
  }
}
