package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.query.lang.QueryResult;

/**
 * A version-1 file gains the query indexes on open: backed up first, then filled from the notes it
 * holds.
 */
class QueryMigrationIT {
  @TempDir Path dir;

  @Test
  void version1FileIsBackedUpAndItsNotesIndexed() throws Exception {
    Path file = dir.resolve("ws.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace ws = Workspace.open(file, key)) {
      ws.createNote("Kept", "---\nrating: 4\n---\n- [ ] carried over 📅 2026-12-24\n");
      ws.createNote("Gone", "---\nrating: 9\n---\n- [ ] of a deleted note\n");
      ws.deleteNote(ws.resolve("Gone").orElseThrow().soul());
    }
    // Make it the file a version-1 Rhizome wrote: no query tables, user_version 1.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE note_prop");
      s.execute("DROP TABLE task");
      s.execute("PRAGMA user_version = 1");
    }
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(Files.exists(file.resolveSibling("ws.db.schema-v1.bak"))).isTrue();
      QueryResult notes = ws.query("table rating where rating > 1");
      assertThat(notes.rows()).extracting(QueryResult.Row::title).containsExactly("Kept");
      assertThat(ws.query("tasks").rows())
          .extracting(r -> r.task().text())
          .containsExactly("carried over");
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + file.resolveSibling("ws.db.schema-v1.bak"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1); // the backup is the file as it was
    }
  }
}
