package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeChain;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.TextId;

/**
 * Note bodies merge character by character across replicas, through the store and the change log.
 */
class ConcurrentBodyEditsIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();

  static List<byte[]> everything(Workspace ws) throws Exception {
    return ws.changesSince(VersionVector.EMPTY, 0, 10_000).stream().map(e -> e.bytes()).toList();
  }

  @Test
  void concurrentEditsOfOneBodyKeepBothPeoplesWords() throws Exception {
    try (Workspace a = Workspace.open(dir.resolve("a.db"), DeviceKey.generate(random));
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"),
                a.id(),
                DeviceKey.generate(random),
                System::currentTimeMillis)) {
      Soul soul = a.createNote("Shared", "The quick fox jumps.\n[[Link]]");
      b.applyRemote(everything(a));
      assertThat(b.findNote(soul).orElseThrow().body()).isEqualTo("The quick fox jumps.\n[[Link]]");

      a.editBody(soul, "The quick brown fox jumps.\n[[Link]]"); // a inserts a word
      b.editBody(soul, "The quick fox jumps high.\n[[Link]] #tagged"); // b appends words and a tag
      a.applyRemote(everything(b));
      b.applyRemote(everything(a));

      String merged = "The quick brown fox jumps high.\n[[Link]] #tagged";
      assertThat(a.findNote(soul).orElseThrow().body()).isEqualTo(merged);
      assertThat(b.findNote(soul).orElseThrow().body()).isEqualTo(merged);
      assertThat(a.digest()).isEqualTo(b.digest());
      // the index follows the merged text on both sides
      assertThat(a.findNote(soul).orElseThrow().tags()).containsExactly("tagged");
      assertThat(b.search("brown", 10)).extracting(h -> h.note().soul()).containsExactly(soul);
    }
  }

  @Test
  void bodySurvivesReopenFromItsSnapshot() throws Exception {
    Path file = dir.resolve("reopen.db");
    DeviceKey key = DeviceKey.generate(random);
    Soul soul;
    try (Workspace ws = Workspace.open(file, key)) {
      soul = ws.createNote("Typed", "hello");
      ws.editBody(soul, "hello world");
      ws.editBody(soul, "well, hello world!");
    }
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("well, hello world!");
      ws.editBody(soul, "well, hello there world!");
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("well, hello there world!");
    }
  }

  @Test
  void textEditReferencingUnknownCharactersIsRefusedAndChangesNothing() throws Exception {
    Path file = dir.resolve("ws.db");
    WorkspaceId id;
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      ws.createNote("Existing", "body");
      id = ws.id();
    }
    DeviceKey mallory = DeviceKey.generate(random);
    TextId nowhere = new TextId(DeviceKey.generate(random).actor(), 7);
    Change dangling =
        new ChangeChain(id, mallory)
            .next(
                5,
                List.of(
                    new Op.TextEdit(
                        new Soul("x"),
                        "body",
                        List.of(
                            new InsertOp(new TextId(mallory.actor(), 0), nowhere, null, "hi")))));
    byte[] before = Files.readAllBytes(file);
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      ApplyResult r = ws.applyRemote(dangling.encoded());
      assertThat(r.reason()).as(r.detail()).isEqualTo(RefusalReason.MISSING_DEPENDENCY);
    }
    assertThat(java.util.Arrays.mismatch(before, Files.readAllBytes(file))).isEqualTo(-1);
  }

  @Test
  void settingATextFieldAsAValueIsRefused() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(random))) {
      DeviceKey other = DeviceKey.generate(random);
      Change c =
          new ChangeChain(ws.id(), other)
              .next(5, List.of(new Op.SetField(new Soul("n"), "body", Value.of("overwrite"))));
      ApplyResult r = ws.applyRemote(c.encoded());
      assertThat(r.reason()).as(r.detail()).isEqualTo(RefusalReason.NOT_ALLOWED);
      assertThat(ws.node(new Soul("n"))).isEmpty();
    }
  }

  @Test
  void historyShowsEachVersionAndRestoreIsOneNewChange() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    try (Workspace ws = Workspace.open(dir.resolve("history.db"), key)) {
      Soul soul = ws.createNote("Diary", "one");
      ws.editBody(soul, "one two");
      ws.editBody(soul, "one two three");
      List<org.rhizome.graph.query.TextVersionInfo> versions = ws.bodyHistory(soul, 10);
      assertThat(versions).hasSize(3);
      assertThat(versions).allSatisfy(v -> assertThat(v.author()).isEqualTo(key.actor()));
      assertThat(ws.bodyAt(soul, versions.get(2))).isEqualTo("one");
      assertThat(ws.bodyAt(soul, versions.get(1))).isEqualTo("one two");
      assertThat(ws.bodyAt(soul, versions.get(0))).isEqualTo("one two three");

      long changesBefore = ws.status().changes();
      ws.restoreBody(soul, versions.get(2));
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("one");
      assertThat(ws.status().changes()).isEqualTo(changesBefore + 1);
      assertThat(ws.bodyHistory(soul, 10)).hasSize(4);
      // the old versions are still there
      assertThat(ws.bodyAt(soul, ws.bodyHistory(soul, 10).get(1))).isEqualTo("one two three");
    }
  }

  @Test
  void twoProcessesEditingOneBodyStayOneHistory() throws Exception {
    // The app and the CLI, same device key, one file: each must see the other's text before
    // editing.
    DeviceKey key = DeviceKey.generate(random);
    Path file = dir.resolve("shared.db");
    try (Workspace app = Workspace.open(file, key);
        Workspace cli = Workspace.open(file, key)) {
      Soul soul = app.createNote("Shared", "one");
      app.editBody(soul, "one two"); // the app now holds this body live
      cli.editBody(soul, "one two three"); // the CLI edits it
      app.editBody(soul, "zero one two three"); // the app must build on the CLI's text
      assertThat(app.findNote(soul).orElseThrow().body()).isEqualTo("zero one two three");
      assertThat(cli.findNote(soul).orElseThrow().body()).isEqualTo("zero one two three");
      try (Workspace replica =
          Workspace.open(
              dir.resolve("replica.db"),
              app.id(),
              DeviceKey.generate(random),
              System::currentTimeMillis)) {
        assertThat(replica.applyRemote(everything(app)))
            .extracting(ApplyResult::status)
            .containsOnly(ApplyResult.Status.APPLIED);
        assertThat(replica.findNote(soul).orElseThrow().body()).isEqualTo("zero one two three");
      }
    }
  }

  @Test
  void ownChangesThatOthersWouldRefuseAreNotMade() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("own.db"), DeviceKey.generate(random))) {
      Soul soul = ws.createNote("Mine", "text");
      long changes = ws.status().changes();
      assertThatThrownBy(
              () -> ws.commit(List.of(new Op.SetField(soul, "body", Value.of("as a value")))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refused");
      TextId nowhere = new TextId(DeviceKey.generate(random).actor(), 3);
      assertThatThrownBy(
              () ->
                  ws.commit(
                      List.of(
                          new Op.TextEdit(
                              soul,
                              "body",
                              List.of(
                                  new InsertOp(new TextId(ws.actor(), 100), nowhere, null, "x"))))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(ws.status().changes()).isEqualTo(changes);
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("text");
      ws.editBody(soul, "text, still editable");
      assertThat(ws.findNote(soul).orElseThrow().body()).isEqualTo("text, still editable");
    }
  }
}
