package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;

/** New files get 8 KiB pages; a file made with 4 KiB pages keeps them and works as before. */
class PageSizeIT {
  @TempDir Path dir;
  final DeviceKey key = DeviceKey.generate(new SecureRandom());

  @Test
  void aNewFileHasTheLargerPages() throws Exception {
    Path file = dir.resolve("ws.db");
    try (Workspace ws = Workspace.open(file, key)) {
      ws.createNote("First", "one");
    }
    assertThat(pageSize(file)).isEqualTo(Database.PAGE_SIZE);
  }

  @Test
  void aFileWithTheOldPageSizeOpensAndTakesWritesUnchanged() throws Exception {
    Path file = dir.resolve("ws.db");
    Soul first;
    try (Workspace ws = Workspace.open(file, key)) {
      first = ws.createNote("First", "one [[Second]] #tag");
    }
    // the layout of files made before: 4 KiB pages
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
      s.execute("PRAGMA page_size = 4096");
      s.execute("VACUUM");
      s.execute("PRAGMA journal_mode = WAL");
    }
    assertThat(pageSize(file)).isEqualTo(4096);
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.findNote(first).orElseThrow().title()).isEqualTo("First");
      Soul second = ws.createNote("Second", "two");
      assertThat(ws.backlinks(second, 10)).hasSize(1);
      assertThat(ws.search("one", 10)).hasSize(1);
    }
    assertThat(pageSize(file)).isEqualTo(4096);
  }

  private static int pageSize(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA page_size")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
