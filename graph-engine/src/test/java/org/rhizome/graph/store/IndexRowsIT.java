package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;

/**
 * The index is written incrementally: a new note's row gets its id from the writer, and a change
 * that leaves a note's body alone (rename, move) does not rewrite its link, tag, alias, task and
 * full-text rows. Whatever a sequence of edits leaves must equal what one full indexing of the same
 * fields gives: a replica that receives every change at once indexes each note from scratch.
 */
class IndexRowsIT {
  @TempDir Path dir;
  final DeviceKey key = DeviceKey.generate(new SecureRandom());

  static final List<String> WORDS =
      List.of("alpha", "beta", "gamma", "delta", "omega", "zeta", "renamed", "moved", "second");

  @Test
  void editsOneAtATimeLeaveTheRowsAFullIndexingMakes() throws Exception {
    Path file = dir.resolve("ws.db");
    try (Workspace ws = Workspace.open(file, key)) {
      List<Soul> souls =
          ws.createNotesAsync(
                  List.of(
                      new String[] {"Alpha", "see [[Beta]] and #greek\n- [ ] task one\n"},
                      new String[] {"Beta", "---\naliases: [Second]\n---\nback to [[Alpha]]\n"},
                      new String[] {"Gamma", "gamma #greek links [[Delta]]\n"}))
              .get();
      // a rename changes the title only: the full-text row must follow, the links stay
      ws.renameNoteAsync(souls.get(0), "Alpha renamed").get();
      // a move changes the folder only
      ws.moveNoteAsync(souls.get(1), "moved").get();
      // a body edit rewrites everything derived from the body
      ws.editBodyAsync(souls.get(2), "now zeta and [[Omega]] #latin\n").get();
      // a deleted note has no rows; a note created after it gets a fresh id
      ws.deleteNoteAsync(souls.get(1)).get();
      ws.createNote("Delta", "delta [[Gamma]]\n");
      ws.restoreNote(souls.get(1));
      ws.renameNoteAsync(souls.get(2), "Gamma second").get();
    }
    // the same changes, all at once, into a replica that indexes each note once
    Path replicaFile = dir.resolve("replica.db");
    List<byte[]> changes = new ArrayList<>();
    try (Workspace ws = Workspace.open(file, key)) {
      for (StoredChange c : ws.changesSince(VersionVector.EMPTY, 0, 10_000)) {
        changes.add(c.bytes());
      }
      try (Workspace replica =
          Workspace.open(
              replicaFile,
              ws.id(),
              DeviceKey.generate(new SecureRandom()),
              System::currentTimeMillis)) {
        List<ApplyResult> results = replica.applyRemoteAsync(changes).get();
        assertThat(results).noneMatch(ApplyResult::isRefused);
      }
    }
    String incremental = derivedRows(file);
    assertThat(incremental)
        .contains("fts renamed: [Alpha renamed, Beta]") // the new title, and the link to it
        .contains("link Alpha renamed>beta")
        .contains("tag Gamma second latin")
        .doesNotContain("tag Gamma second greek");
    assertThat(incremental).isEqualTo(derivedRows(replicaFile));
  }

  @Test
  void anotherProcessAddingNotesBetweenOurTransactionsGetsNoClashingId() throws Exception {
    Path file = dir.resolve("ws.db");
    try (Workspace ws = Workspace.open(file, key);
        Workspace other = Workspace.open(file, key)) {
      for (int i = 0; i < 5; i++) {
        ws.createNotesAsync(List.<String[]>of(new String[] {"Ours " + i, "alpha " + i})).get();
        other.createNotesAsync(List.<String[]>of(new String[] {"Theirs " + i, "beta " + i})).get();
      }
    }
    String rows = derivedRows(file);
    assertThat(rows).contains("fts alpha: [Ours 0, Ours 1, Ours 2, Ours 3, Ours 4]");
    assertThat(rows).contains("fts beta: [Theirs 0, Theirs 1, Theirs 2, Theirs 3, Theirs 4]");
  }

  /** The derived tables, named by title rather than by row id, in a stable order. */
  static String derivedRows(Path file) throws SQLException {
    TreeSet<String> rows = new TreeSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      query(
          c,
          "SELECT 'note ' || title || ' ' || title_key || ' ' || deleted || ' ' || folder FROM note",
          rows);
      query(
          c,
          "SELECT 'link ' || n.title || '>' || l.target_key || ' ' || l.ord || ' ' || l.line"
              + " FROM link l JOIN note n ON n.id = l.src",
          rows);
      query(
          c,
          "SELECT 'tag ' || n.title || ' ' || t.tag FROM tag t JOIN note n ON n.id = t.note_id",
          rows);
      query(
          c,
          "SELECT 'alias ' || n.title || ' ' || a.alias FROM note_alias a JOIN note n ON n.id = a.note_id",
          rows);
      query(
          c,
          "SELECT 'task ' || n.title || ' ' || t.text FROM task t JOIN note n ON n.id = t.note_id",
          rows);
      for (String word : WORDS) {
        TreeSet<String> hits = new TreeSet<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT n.title FROM note_fts JOIN note n ON n.id = note_fts.rowid WHERE note_fts MATCH ?")) {
          ps.setString(1, word);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              hits.add(rs.getString(1));
            }
          }
        }
        rows.add("fts " + word + ": " + hits);
      }
    }
    return String.join("\n", rows);
  }

  private static void query(Connection c, String sql, TreeSet<String> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
  }
}
