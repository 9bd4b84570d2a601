package org.rhizome.app.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainSqliteFloorTest {
  @TempDir Path tmp;

  @Test
  void loadsTheVaultsMarkdownIntoASearchableFile() throws Exception {
    Path vault = Files.createDirectories(tmp.resolve("vault/Projects"));
    Files.writeString(vault.resolve("Plan.md"), "the zanzibar plan");
    Files.writeString(tmp.resolve("vault/Home.md"), "home, no match");
    Files.writeString(tmp.resolve("vault/picture.png"), "not a note");
    Files.createDirectories(tmp.resolve("vault/.obsidian"));
    Files.writeString(tmp.resolve("vault/.obsidian/Hidden.md"), "zanzibar, but hidden");

    Path db = tmp.resolve("floor.db");
    Map<String, Object> figures =
        PlainSqliteFloor.load(db, PlainSqliteFloor.markdownFiles(tmp.resolve("vault")));

    assertThat(figures).containsEntry("notes", 2L).containsKeys("ms", "cpu_ms", "process_cpu_ms");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT note.folder, note.title FROM note_fts JOIN note ON note.id = note_fts.rowid WHERE note_fts MATCH 'zanzibar'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("Projects");
      assertThat(r.getString(2)).isEqualTo("Plan");
      assertThat(r.next()).isFalse();
    }
    assertThat(PlainSqliteFloor.ratio(300, 100L)).isEqualTo(3.0);
  }
}
