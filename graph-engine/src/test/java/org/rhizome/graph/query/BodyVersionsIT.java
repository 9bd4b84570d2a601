package org.rhizome.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.text.Splice;

/** Body history grouped into versions a person can use, read from a real workspace file. */
class BodyVersionsIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  final long[] now = {1_700_000_000_000L};

  Workspace open(String name) throws Exception {
    return Workspace.open(
        dir.resolve(name),
        GraphStore.randomWorkspaceId(random),
        DeviceKey.generate(random),
        () -> now[0]);
  }

  /**
   * Types {@code text} at the end of the body as an editor would: a splice every 200 ms, a few
   * characters each.
   */
  void type(Workspace ws, Soul soul, String text) throws Exception {
    for (int i = 0; i < text.length(); i += 3) {
      String part = text.substring(i, Math.min(text.length(), i + 3));
      int at =
          ws.findNote(soul)
              .orElseThrow()
              .body()
              .codePointCount(0, ws.findNote(soul).orElseThrow().body().length());
      ws.spliceBody(soul, List.of(new Splice(at, 0, part)));
      now[0] += 200;
    }
  }

  @Test
  void threeTypedLinesAreOneVersionWithTheirWords() throws Exception {
    try (Workspace ws = open("typed.db")) {
      Soul soul = ws.createNote("Typed", "");
      type(ws, soul, "First line of text\nsecond line here\nthird and last line\n");
      assertThat(ws.bodyHistory(soul, 1000)).hasSizeGreaterThan(15);
      List<BodyVersion> versions = ws.bodyVersions(soul, 100);
      assertThat(versions).hasSize(1);
      BodyVersion v = versions.get(0);
      assertThat(v.words()).isEqualTo(new WordDelta(11, 0));
      assertThat(v.author()).isEqualTo(ws.actor());
      assertThat(v.restore()).isFalse();
      assertThat(v.edits()).isEqualTo(ws.bodyHistory(soul, 1000).size());
      assertThat(v.endedAt() - v.startedAt()).isGreaterThan(1000);
      assertThat(ws.bodyAt(soul, v.last()))
          .isEqualTo("First line of text\nsecond line here\nthird and last line\n");
    }
  }

  @Test
  void aPauseAPeerAndARestoreEachStartAVersion() throws Exception {
    try (Workspace a = open("a.db");
        Workspace b =
            Workspace.open(dir.resolve("b.db"), a.id(), DeviceKey.generate(random), () -> now[0])) {
      Soul soul = a.createNote("Shared", "one two");
      now[0] += 500;
      a.editBody(soul, "one two three");
      now[0] += 90_000; // a pause
      a.editBody(soul, "one two three four five");
      b.applyRemote(
          a.changesSince(VersionVector.EMPTY, 0, 1000).stream().map(e -> e.bytes()).toList());
      now[0] += 1000;
      b.editBody(soul, "zero one two three four five"); // the peer writes
      a.applyRemote(
          b.changesSince(VersionVector.EMPTY, 0, 1000).stream().map(e -> e.bytes()).toList());
      now[0] += 1000;
      List<BodyVersion> before = a.bodyVersions(soul, 100);
      assertThat(before).hasSize(3);
      BodyVersion firstVersion = before.get(2);
      assertThat(firstVersion.edits()).isEqualTo(2);
      assertThat(firstVersion.words()).isEqualTo(new WordDelta(3, 0));
      assertThat(before.get(1).words()).isEqualTo(new WordDelta(2, 0));
      assertThat(before.get(0).author()).isEqualTo(b.actor());
      assertThat(before.get(0).words()).isEqualTo(new WordDelta(1, 0));

      a.restoreBody(soul, firstVersion.last());
      now[0] += 200;
      a.editBody(
          soul, "one two three, then more"); // typed right after the restore: a version of its own
      List<BodyVersion> after = a.bodyVersions(soul, 100);
      assertThat(after).hasSize(5);
      assertThat(after.get(1).restore()).isTrue();
      assertThat(after.get(1).words()).isEqualTo(new WordDelta(0, 3));
      assertThat(after.get(0).restore()).isFalse();
      assertThat(after.get(0).words()).isEqualTo(new WordDelta(2, 0));
      // the restore marker replicates: the peer sees the same versions
      b.applyRemote(
          a.changesSince(VersionVector.EMPTY, 0, 1000).stream().map(e -> e.bytes()).toList());
      assertThat(b.bodyVersions(soul, 100))
          .extracting(BodyVersion::restore)
          .containsExactly(false, true, false, false, false);
      assertThat(a.bodyVersions(soul, 2)).hasSize(2).first().isEqualTo(after.get(0));
    }
  }

  @Test
  void restoringAnOldVersionOfADeletedNoteBringsTheNoteBack() throws Exception {
    try (Workspace ws = open("deleted.db")) {
      Soul soul = ws.createNote("Gone", "first text");
      now[0] += 120_000;
      ws.editBody(soul, "second text");
      ws.deleteNote(soul);
      List<BodyVersion> versions = ws.bodyVersions(soul, 10);
      assertThat(versions).hasSize(2);
      assertThat(ws.restoreBody(soul, versions.get(1).last())).isPresent();
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("first text");
      assertThat(ws.trash(10)).isEmpty();
    }
  }
}
