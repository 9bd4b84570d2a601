package org.rhizome.graph.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.store.DamageMarker;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * Bytes of a note's stored text changed at rest (a bad sector, a tool writing into the file) are
 * found when the note is read, not shown as text: the read fails with a typed error naming the
 * file, the note and the commands that help, the file is marked damaged, {@code check} names the
 * text and {@code repair} brings it back from the log.
 */
class FlippedTextTest {
  @TempDir Path dir;
  final DeviceKey key = DeviceKey.generate(new SecureRandom());

  /** Offsets of {@code needle} in the file's bytes. */
  static List<Integer> find(byte[] hay, byte[] needle) {
    List<Integer> at = new ArrayList<>();
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      at.add(i);
    }
    return at;
  }

  @Test
  void aBitFlippedInTheFileIsADamagedNoteNotWrongText() throws Exception {
    Path file = dir.resolve("personal.db");
    Soul soul;
    try (Workspace ws = Workspace.open(file, key)) {
      for (int i = 0; i < 5; i++) {
        ws.createNote("Note " + i, "body " + i + " [[Note 0]]");
      }
      soul = ws.createNote("Plans", "alpha-omega and the rest");
      // Two edits make "alpha-XYZ-omega": a run of bytes no single change holds, so it is
      // found in the file only where the note's text is stored.
      ws.editBody(soul, "alpha-XYZ-omega and the rest");
    }
    byte[] bytes = Files.readAllBytes(file);
    List<Integer> at = find(bytes, "alpha-XYZ-omega".getBytes(StandardCharsets.UTF_8));
    assertThat(at).isNotEmpty();
    for (int i : at) {
      bytes[i + 7] ^= 0x02; // X -> Z, as a bad sector would
    }
    Files.write(file, bytes);

    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.findNote(ws.resolve("Note 1").orElseThrow().soul()).orElseThrow().body())
          .isEqualTo("body 1 [[Note 0]]");
      Soul plans = soul;
      assertThatThrownBy(() -> ws.findNote(plans))
          .isInstanceOf(CorruptDatabaseException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("\"Plans\"")
          .hasMessageContaining("checksum")
          .hasMessageContaining("rhizome check")
          .hasMessageContaining("rhizome repair");
      assertThat(DamageMarker.read(file)).isPresent();
      // The writer's own load of the text (the editor's path) refuses it too.
      assertThatThrownBy(() -> ws.openBodyAsync(plans).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(StoreException.class);
      // Writes are refused while the file is marked.
      assertThatThrownBy(() -> ws.createNote("More", "x"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("rhizome repair");
    }

    CheckReport check = WorkspaceCheck.run(file, dir.resolve("scratch"));
    assertThat(check.integrity()).isEqualTo("ok"); // SQLite's own check cannot see it
    assertThat(check.damagedTexts()).isEqualTo(1);
    assertThat(check.problems()).anyMatch(p -> p.contains("\"Plans\"") && p.contains("checksum"));

    RepairReport repair = WorkspaceRepair.run(file);
    assertThat(repair.changesLost()).isZero();
    assertThat(WorkspaceCheck.run(file, dir.resolve("scratch2")).ok()).isTrue();
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("alpha-XYZ-omega and the rest");
      assertThat(ws.noteCount()).isEqualTo(6);
    }
  }

  @Test
  void aFlippedByteInTheSnapshotBlobIsFoundOnReadingAndRepaired() throws Exception {
    Path file = dir.resolve("personal.db");
    Soul soul;
    try (Workspace ws = Workspace.open(file, key)) {
      soul = ws.createNote("Long", "line\n".repeat(2000));
      for (int i = 0; i < 20; i++) {
        ws.editBody(soul, "edit " + i + "\n" + "line\n".repeat(2000 - i));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT snapshot FROM text_state WHERE soul = ? AND name = 'body'")) {
      ps.setString(1, soul.value());
      byte[] snapshot;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        snapshot = rs.getBytes(1);
      }
      snapshot[snapshot.length / 2] ^= 0x10;
      try (PreparedStatement w =
          c.prepareStatement(
              "UPDATE text_state SET snapshot = ? WHERE soul = ? AND name = 'body'")) {
        w.setBytes(1, snapshot);
        w.setString(2, soul.value());
        w.executeUpdate();
      }
    }
    try (Workspace ws = Workspace.open(file, key)) {
      assertThatThrownBy(() -> ws.findNote(soul))
          .isInstanceOf(CorruptDatabaseException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("rhizome repair");
    }
    assertThat(WorkspaceCheck.run(file, dir.resolve("scratch")).damagedTexts()).isEqualTo(1);
    WorkspaceRepair.run(file);
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.findNote(soul).orElseThrow().body()).startsWith("edit 19\nline\n");
      ws.editBody(soul, "written after the repair");
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("written after the repair");
    }
  }

  @Test
  void aTextStoredBeforeSealsIsReadCountedAndSealedOnItsNextEdit() throws Exception {
    Path file = dir.resolve("personal.db");
    Soul soul;
    try (Workspace ws = Workspace.open(file, key)) {
      soul = ws.createNote("Old", "written by an older version");
    }
    // Put back the unsealed form an older version wrote (version 2, no checksum).
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      byte[] snapshot;
      String text;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT t.snapshot, f.value FROM text_state t JOIN field f"
                  + " ON f.soul = t.soul AND f.name = t.name WHERE t.soul = ?")) {
        ps.setString(1, soul.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          snapshot = rs.getBytes(1);
          text = ((Value.Str) ValueCodec.decode(rs.getBytes(2))).value();
        }
      }
      byte[] old =
          TextSnapshotCodec.encodeWithoutText(TextSnapshotCodec.decodeWithText(snapshot, text));
      assertThat(old[0]).isEqualTo((byte) TextSnapshotCodec.VERSION_WITHOUT_TEXT);
      try (PreparedStatement w =
          c.prepareStatement("UPDATE text_state SET snapshot = ? WHERE soul = ?")) {
        w.setBytes(1, old);
        w.setString(2, soul.value());
        w.executeUpdate();
      }
    }
    CheckReport check = WorkspaceCheck.run(file, dir.resolve("scratch"));
    assertThat(check.ok()).as(check.problems().toString()).isTrue();
    assertThat(check.unsealedTexts()).isEqualTo(1);
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("written by an older version");
      ws.editBody(soul, "written by an older version, then edited");
    }
    CheckReport after = WorkspaceCheck.run(file, dir.resolve("scratch2"));
    assertThat(after.ok()).isTrue();
    assertThat(after.unsealedTexts()).isZero();
  }
}
