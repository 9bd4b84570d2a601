package org.rhizome.graph.trash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.Backlink;

/**
 * The trash on real SQLite files: list, restore (alone, beside another writer, after a peer's
 * delete), empty.
 */
class TrashIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();

  static List<byte[]> everything(Workspace ws) throws Exception {
    return ws.changesSince(VersionVector.EMPTY, 0, 100_000).stream().map(e -> e.bytes()).toList();
  }

  private static final String PLAN_BODY =
      "---\naliases: [Roadmap]\nstatus: draft\n---\n# The plan\nSee [[Budget]] #project\n";

  @Test
  void deletedNoteIsListedWithWhoAndWhenAndRestoresWithEverything() throws Exception {
    long[] now = {1_700_000_000_000L};
    try (Workspace ws =
        Workspace.open(
            dir.resolve("ws.db"),
            org.rhizome.graph.store.GraphStore.randomWorkspaceId(random),
            DeviceKey.generate(random),
            () -> now[0])) {
      Soul budget = ws.createNote("Budget", "numbers");
      Soul plan = ws.createNote("Projects/2024", "Plan", PLAN_BODY);
      Soul index = ws.createNote("Index", "Start at [[Plan]] or [[Roadmap]].");
      assertThat(ws.backlinks(plan, 10)).hasSize(2);
      now[0] += 60_000;
      ws.deleteNote(plan);

      assertThat(ws.findNote(plan)).isEmpty();
      assertThat(ws.backlinks(budget, 10)).isEmpty();
      assertThat(ws.search("plan", 10)).extracting(h -> h.note().soul()).doesNotContain(plan);
      List<TrashedNote> trash = ws.trash(100);
      assertThat(trash).hasSize(1);
      TrashedNote t = trash.get(0);
      assertThat(t.soul()).isEqualTo(plan);
      assertThat(t.title()).isEqualTo("Plan");
      assertThat(t.folder()).isEqualTo("Projects/2024");
      assertThat(t.deletedBy()).isEqualTo(ws.actor());
      assertThat(t.deletedAt()).isEqualTo(now[0]);
      assertThat(t.firstLine()).isEqualTo("The plan");
      assertThat(t.bodyChars()).isEqualTo(PLAN_BODY.length());
      assertThat(ws.trashCount()).isEqualTo(1);
      assertThat(ws.findInTrash("plan")).map(TrashedNote::soul).contains(plan);
      assertThat(ws.findInTrash("Projects/2024/Plan")).map(TrashedNote::soul).contains(plan);
      assertThat(ws.findInTrash(plan.value())).map(TrashedNote::soul).contains(plan);
      assertThat(ws.findInTrash("Budget")).isEmpty();

      RestoredNote restored = ws.restoreNote(plan);
      assertThat(restored.retitled()).isFalse();
      Note back = ws.findNote(plan).orElseThrow();
      assertThat(back.title()).isEqualTo("Plan");
      assertThat(back.folder()).isEqualTo("Projects/2024");
      assertThat(back.body()).isEqualTo(PLAN_BODY);
      assertThat(back.aliases()).containsExactly("Roadmap");
      assertThat(back.tags()).containsExactly("project");
      assertThat(ws.properties(plan)).containsEntry("status", "draft");
      assertThat(ws.backlinks(budget, 10)).extracting(b -> b.source().soul()).containsExactly(plan);
      assertThat(ws.backlinks(plan, 10))
          .extracting(Backlink::source)
          .extracting(r -> r.soul())
          .containsOnly(index);
      assertThat(ws.search("plan", 10)).extracting(h -> h.note().soul()).contains(plan);
      assertThat(ws.trash(100)).isEmpty();

      assertThatThrownBy(() -> ws.restoreNote(plan))
          .isInstanceOf(NotInTrashException.class)
          .hasMessageContaining("not deleted");
      assertThatThrownBy(() -> ws.restoreNote(new Soul("nope")))
          .isInstanceOf(NotInTrashException.class);
    }
  }

  @Test
  void restoreWhenTheTitleWasTakenMeanwhileComesBackRetitled() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(random))) {
      Soul old = ws.createNote("Ideas", "old ideas");
      ws.deleteNote(old);
      Soul fresh = ws.createNote("Ideas", "new ideas");
      RestoredNote restored = ws.restoreNote(old);
      assertThat(restored.retitled()).isTrue();
      assertThat(restored.title()).isEqualTo("Ideas (restored)");
      assertThat(ws.findNote(old).orElseThrow().body()).isEqualTo("old ideas");
      assertThat(ws.findNote(fresh).orElseThrow().title()).isEqualTo("Ideas");
    }
  }

  @Test
  void restoreWhileASecondWorkspaceWritesTheSameFile() throws Exception {
    Path file = dir.resolve("shared.db");
    DeviceKey app = DeviceKey.generate(random);
    DeviceKey cli = DeviceKey.generate(random);
    try (Workspace a = Workspace.open(file, app);
        Workspace b = Workspace.open(file, cli)) {
      List<Soul> doomed = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        doomed.add(a.createNote("Doomed " + i, "text " + i + " [[Hub]]"));
      }
      Soul hub = a.createNote("Hub", "hub");
      for (Soul s : doomed) {
        b.deleteNote(s); // the "CLI" deletes them
      }
      assertThat(a.trash(100))
          .hasSize(20)
          .allSatisfy(t -> assertThat(t.deletedBy()).isEqualTo(b.actor()));
      // a restores every one while b keeps writing new notes and editing the hub on the same file
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < 40; i++) {
                    b.createNote("Busy " + i, "busy [[Hub]]");
                    b.editBody(hub, "hub edited " + i);
                  }
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      List<CompletableFuture<RestoredNote>> restores = new ArrayList<>();
      for (Soul s : doomed) {
        restores.add(a.restoreNoteAsync(s));
      }
      for (CompletableFuture<RestoredNote> r : restores) {
        r.get();
      }
      writer.get();
      for (int i = 0; i < doomed.size(); i++) {
        assertThat(a.findNote(doomed.get(i)).orElseThrow().body())
            .isEqualTo("text " + i + " [[Hub]]");
        assertThat(b.findNote(doomed.get(i))).isPresent();
      }
      assertThat(a.backlinks(hub, 100)).hasSize(60);
      assertThat(b.trash(100)).isEmpty();
      assertThat(a.digest()).isEqualTo(b.digest());
    }
  }

  @Test
  void restoreOfANoteAPeerDeletedSyncsBackToThePeer() throws Exception {
    try (Workspace a = Workspace.open(dir.resolve("a.db"), DeviceKey.generate(random));
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"),
                a.id(),
                DeviceKey.generate(random),
                System::currentTimeMillis)) {
      Soul note = a.createNote("Shared", "shared words [[Other]]");
      Soul other = a.createNote("Other", "other");
      b.applyRemote(everything(a));
      b.deleteNote(note); // the peer deletes it
      a.applyRemote(everything(b));
      TrashedNote t = a.trash(10).get(0);
      assertThat(t.deletedBy()).isEqualTo(b.actor());
      assertThat(a.membership().memberName(t.deletedBy()))
          .isEmpty(); // an open workspace has no names

      a.restoreNote(note);
      // meanwhile the peer edits another note; then both exchange everything
      b.editBody(other, "other, edited");
      b.applyRemote(everything(a));
      a.applyRemote(everything(b));
      assertThat(b.findNote(note).orElseThrow().body()).isEqualTo("shared words [[Other]]");
      assertThat(b.backlinks(other, 10)).extracting(x -> x.source().soul()).containsExactly(note);
      assertThat(b.trash(10)).isEmpty();
      assertThat(a.digest()).isEqualTo(b.digest());
    }
  }

  @Test
  void emptyClearsContentOnEveryReplicaAndLeavesLiveNotesAlone() throws Exception {
    try (Workspace a = Workspace.open(dir.resolve("a.db"), DeviceKey.generate(random));
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"),
                a.id(),
                DeviceKey.generate(random),
                System::currentTimeMillis)) {
      Soul keep = a.createNote("Keep", "kept [[Gone]]");
      Soul gone = a.createNote("Gone", "secret words #hidden");
      Soul gone2 = a.createNote("Gone too", "x".repeat(5000));
      a.deleteNote(gone);
      a.deleteNote(gone2);
      b.applyRemote(everything(a));
      assertThat(b.trash(10)).hasSize(2);

      assertThat(a.emptyTrash()).isEqualTo(2);
      assertThat(a.trash(10)).isEmpty();
      assertThat(a.node(gone))
          .doesNotContainKeys("title", "type", "folder")
          .containsEntry("body", org.rhizome.graph.model.Value.of(""));
      assertThat(a.findNote(keep).orElseThrow().body()).isEqualTo("kept [[Gone]]");
      assertThat(a.unresolvedLinks(10)).extracting(u -> u.target()).containsExactly("Gone");
      assertThatThrownBy(() -> a.restoreNote(gone))
          .isInstanceOf(NotInTrashException.class)
          .hasMessageContaining("emptied");

      b.applyRemote(everything(a));
      assertThat(b.trash(10)).isEmpty();
      assertThat(b.node(gone2))
          .doesNotContainKey("title")
          .containsEntry("body", org.rhizome.graph.model.Value.of(""));
      assertThat(a.digest()).isEqualTo(b.digest());
      // the log still holds the old text: history can replay it (documented: empty is not a secure
      // erase)
      assertThat(a.bodyAt(gone, a.bodyHistory(gone, 10).get(1))).isEqualTo("secret words #hidden");
      assertThat(a.emptyTrash()).isZero();
    }
  }

  @Test
  void aRestoreNewerThanAConcurrentEmptyWinsAndHistoryStillHasTheText() throws Exception {
    long[] clockA = {1_700_000_000_000L};
    long[] clockB = {1_700_000_000_000L};
    try (Workspace a =
            Workspace.open(
                dir.resolve("a.db"),
                org.rhizome.graph.store.GraphStore.randomWorkspaceId(random),
                DeviceKey.generate(random),
                () -> clockA[0]);
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"), a.id(), DeviceKey.generate(random), () -> clockB[0])) {
      Soul note = a.createNote("Contested", "words to keep");
      a.deleteNote(note);
      b.applyRemote(everything(a));
      clockA[0] += 1000;
      a.emptyTrash(); // a empties...
      clockB[0] += 5000;
      b.restoreNote(note); // ...while b, later, restores
      a.applyRemote(everything(b));
      b.applyRemote(everything(a));
      assertThat(a.digest()).isEqualTo(b.digest());
      Note back = a.findNote(note).orElseThrow();
      assertThat(back.title()).isEqualTo("Contested");
      assertThat(back.body()).isEmpty(); // the empty's text delete merged in
      assertThat(a.bodyAt(note, a.bodyHistory(note, 10).get(1))).isEqualTo("words to keep");
    }
  }
}
