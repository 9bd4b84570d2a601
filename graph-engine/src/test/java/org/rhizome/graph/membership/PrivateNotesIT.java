package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.graph.privacy.PrivateSouls;

/**
 * Private notes between real replicas of one workspace (decision 0008): a non-reader stores and
 * relays the sealed changes and keeps nothing else of them — not in its file, its WAL, its search,
 * backlinks, unresolved links or tags; a reader added later reads the whole history; a reader
 * removed later cannot read later edits; forged, copied and tampered key wraps are refused with a
 * reason.
 */
class PrivateNotesIT {
  @TempDir Path dir;

  static final String TITLE = "Zqxtitlemarker plan";
  static final String BODY = "zqxbodymarker words #zqxtagmarker [[Zqxtargetmarker]]";

  @Test
  void aNonReaderKeepsNothingOfAPrivateNoteAndAReaderReadsItAll() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "bob", Role.WRITER);
      Workspace carol = team.join(alice, "carol", Role.WRITER);
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);

      Soul note = alice.createPrivateNote("", TITLE, BODY, List.of(bob.actor()));
      Soul pub = alice.createNote("Public page", "see [[" + TITLE + "]]");
      assertThat(alice.isPrivate(note)).isTrue();
      assertThat(alice.readersOf(note)).containsExactly(alice.actor(), bob.actor());
      Team.exchange(alice, bob);
      // Bob, a reader, edits it too: his edit is sealed as well, and merges like any text.
      bob.editBody(note, BODY + "\nzqxbobmarker line");
      Team.exchange(bob, alice);
      Team.exchange(alice, carol);
      Team.exchange(bob, carol);

      for (Workspace reader : List.of(alice, bob)) {
        assertThat(reader.findNote(note).orElseThrow().body()).contains("zqxbobmarker");
        assertThat(reader.search("zqxbodymarker", 10)).hasSize(1);
        assertThat(reader.backlinks(note, 10)).extracting(b -> b.source().soul()).contains(pub);
        assertThat(reader.tags()).extracting(t -> t.tag()).contains("zqxtagmarker");
        assertThat(reader.unresolvedLinks(100))
            .extracting(u -> u.target())
            .contains("Zqxtargetmarker");
      }
      assertThat(carol.findNote(note)).isEmpty();
      assertThat(carol.noteCount()).isEqualTo(1); // the public page only
      assertThat(carol.search("zqxbodymarker", 10)).isEmpty();
      assertThat(carol.search("zqxtitlemarker", 10))
          .extracting(h -> h.note().soul())
          .containsOnly(pub);
      assertThat(carol.tags()).isEmpty();
      assertThat(carol.unresolvedLinks(100)).extracting(u -> u.target()).containsOnly(TITLE);
      assertThat(carol.backlinks(note, 10)).isEmpty();
      assertThat(carol.node(note)).isEmpty();
      assertThat(carol.versionVector()).isEqualTo(alice.versionVector()); // it holds every change
      // The check can see plaintext: the public page's link text is in Carol's files.
      assertThat(filesHold(carol.file(), "Zqxtitlemarker")).isTrue();
      assertNoMarkers(
          carol.file(), "zqxbodymarker", "zqxbobmarker", "zqxtagmarker", "Zqxtargetmarker");

      // Carol added later reads the whole history, Bob's edit included.
      alice.shareNote(note, List.of(carol.actor()));
      Team.exchange(alice, carol);
      assertThat(carol.findNote(note).orElseThrow().body())
          .isEqualTo(alice.findNote(note).orElseThrow().body());
      assertThat(carol.search("zqxbobmarker", 10)).hasSize(1);
      assertThat(carol.backlinks(note, 10)).extracting(b -> b.source().soul()).contains(pub);
      // ... and its history: every version of the body, Bob's among them
      for (Workspace reader : List.of(bob, carol)) {
        var versions = reader.bodyHistory(note, 10);
        assertThat(versions).hasSize(2);
        assertThat(reader.bodyAt(note, versions.get(versions.size() - 1))).isEqualTo(BODY);
        assertThat(reader.bodyAt(note, versions.get(0))).contains("zqxbobmarker");
      }
      assertThat(carol.readersOf(note))
          .containsExactlyInAnyOrder(alice.actor(), bob.actor(), carol.actor());

      // Bob removed as a reader cannot read what is written after.
      alice.unshareNote(note, List.of(bob.actor()));
      alice.editBody(note, BODY + "\nzqxbobmarker line\nzqxaftermarker");
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);
      assertThat(carol.findNote(note).orElseThrow().body()).contains("zqxaftermarker");
      assertThat(bob.findNote(note).orElseThrow().body()).doesNotContain("zqxaftermarker");
      assertThat(bob.search("zqxaftermarker", 10)).isEmpty();
      assertNoMarkers(bob.file(), "zqxaftermarker");
      // and cannot write into it any more: it holds no current key
      assertThatThrownBy(() -> bob.editBody(note, "overwrite"))
          .isInstanceOf(NotAllowedException.class);
    }
  }

  @Test
  void forgedCopiedAndClearTextChangesToPrivateNotesAreRefusedWithAReason() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "bob", Role.WRITER);
      Workspace carol = team.join(alice, "carol", Role.WRITER);
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);
      Team.exchange(bob, carol);
      Soul note = alice.createPrivateNote("", TITLE, BODY, List.of(bob.actor()));
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);
      Soul seal = PrivateSouls.sealOf(note);
      Map<String, Value> sealFields = carol.node(seal);
      String current = ((Value.Str) sealFields.get(PrivateSouls.CURRENT)).value();
      String bobsWrap =
          ((Value.Str) sealFields.get(PrivateSouls.wrapField(new KeyId(current), bob.actor())))
              .value();

      // Forged: Carol (not the owner) wraps a key for herself.
      Change forged =
          team.forge(
              carol,
              List.of(
                  new Op.SetField(
                      seal,
                      PrivateSouls.wrapField(new KeyId(current), carol.actor()),
                      Value.of(bobsWrap))));
      for (Workspace w : List.of(alice, bob)) {
        ApplyResult r = Team.offer(w, forged).get(0);
        assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
        assertThat(r.detail()).contains("only the owner");
      }

      // Clear text: a plaintext title on a private note is refused by every replica.
      Change clear =
          team.forge(bob, List.of(new Op.SetField(note, NoteFields.TITLE, Value.of("leaked"))));
      assertThat(Team.offer(carol, clear).get(0).reason()).isEqualTo(RefusalReason.NOT_ALLOWED);

      // Copied: the owner's (modified) client copies Bob's wrap into a wrap for Carol. It is
      // signed by the owner, so every replica stores it; Carol's does not open and says why.
      Change copied =
          team.forge(
              alice,
              List.of(
                  new Op.SetField(
                      seal,
                      PrivateSouls.wrapField(new KeyId(current), carol.actor()),
                      Value.of(bobsWrap))));
      assertThat(Team.offer(carol, copied).get(0).status()).isEqualTo(ApplyResult.Status.APPLIED);
      assertThat(carol.findNote(note)).isEmpty();
      assertThat(carol.recentRefusals(10))
          .anySatisfy(
              r -> {
                assertThat(r.reason()).isEqualTo(RefusalReason.MALFORMED);
                assertThat(r.detail()).contains("key wrap").contains("does not open");
              });

      // Tampered in flight: one flipped byte breaks the signature.
      byte[] bytes = copied.encoded();
      bytes[bytes.length / 2] ^= 1;
      assertThat(bob.applyRemote(List.of(bytes)).get(0).reason())
          .isIn(RefusalReason.BAD_SIGNATURE, RefusalReason.MALFORMED);
    }
  }

  @Test
  void readersEditingAtOnceMergeAndASecondProcessOnTheFileReadsAndWritesIt() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "bob", Role.WRITER);
      Team.exchange(alice, bob);
      Soul note =
          alice.createPrivateNote("", "Shared draft", "one two three", List.of(bob.actor()));
      Team.exchange(alice, bob);
      // Concurrent edits by both readers, each sealed, merge character by character.
      alice.editBody(note, "zero one two three");
      bob.editBody(note, "one two three four");
      Team.exchange(alice, bob);
      assertThat(alice.findNote(note).orElseThrow().body()).isEqualTo("zero one two three four");
      assertThat(bob.findNote(note).orElseThrow().body()).isEqualTo("zero one two three four");

      // A second process on Bob's file (the CLI beside the app), with Bob's key: it opens the
      // note's key from the file's wrap, writes a sealed edit, and the first process sees it.
      try (Workspace bobCli = Workspace.open(bob.file(), team.keys.get(bob.actor()))) {
        assertThat(bobCli.findNote(note).orElseThrow().body()).isEqualTo("zero one two three four");
        bobCli.editBody(note, "zero one two three four five");
      }
      bob.checkForeignCommits();
      Team.exchange(bob, alice);
      assertThat(alice.findNote(note).orElseThrow().body())
          .isEqualTo("zero one two three four five");
      bob.editBody(note, "zero one two three four five six");
      Team.exchange(bob, alice);
      assertThat(alice.findNote(note).orElseThrow().body())
          .isEqualTo("zero one two three four five six");

      // `rhizome check` replays the log as this device: a reader's file matches its replay.
      java.nio.file.Files.createDirectories(dir.resolve("scratch"));
      var report =
          org.rhizome.graph.repair.WorkspaceCheck.run(
              bob.file(), dir.resolve("scratch"), team.keys.get(bob.actor()));
      assertThat(report.problems()).isEmpty();
      assertThat(report.ok()).isTrue();
    }
  }

  private static boolean filesHold(Path db, String marker) throws Exception {
    for (String suffix : Set.of("", "-wal")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)
          && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(marker)) {
        return true;
      }
    }
    return false;
  }

  private static void assertNoMarkers(Path db, String... markers) throws Exception {
    List<Path> files = new ArrayList<>();
    for (String suffix : Set.of("", "-wal", "-shm")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        files.add(f);
      }
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String m : markers) {
        assertThat(bytes).as(f + " holds " + m).doesNotContain(m);
      }
    }
  }
}
