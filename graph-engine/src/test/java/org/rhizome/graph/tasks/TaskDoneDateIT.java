package org.rhizome.graph.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.text.Splice;

/**
 * Ticking writes ✅ and the date in the same change as the mark; it merges with a peer's edit and
 * with another writer.
 */
class TaskDoneDateIT {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  @TempDir Path dir;

  private static void sync(Workspace from, Workspace to) throws Exception {
    List<StoredChange> changes = from.changesSince(VersionVector.EMPTY, 0, 10_000);
    to.applyRemote(changes.stream().map(StoredChange::bytes).toList());
  }

  @Test
  void tickWritesTheDateAsOneChangeAndMergesWithAPeersEditOfTheSameLine() throws Exception {
    try (Workspace a = Workspace.open(dir.resolve("a.db"), DeviceKey.generate(new SecureRandom()));
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"),
                a.id(),
                DeviceKey.generate(new SecureRandom()),
                System::currentTimeMillis)) {
      Soul note = a.createNote("Plan", "# Plan\n- [ ] buy milk 📅 2026-12-24\n- [ ] call Ann");
      sync(a, b);
      int versions = a.bodyHistory(note, 100).size();

      a.toggleTaskAsync(note, 1, DAY).get();
      assertThat(a.findNote(note).orElseThrow().body())
          .isEqualTo("# Plan\n- [x] buy milk 📅 2026-12-24 ✅ 2026-12-07\n- [ ] call Ann");
      assertThat(a.bodyHistory(note, 100)).as("one version in history").hasSize(versions + 1);
      assertThat(a.query("tasks where completed").rows())
          .singleElement()
          .satisfies(r -> assertThat(r.task().done()).isEqualTo(Dates.parse("2026-12-07")));

      // Meanwhile the peer adds a word inside the same item and edits the next line.
      String peerBody = b.findNote(note).orElseThrow().body();
      int at = peerBody.codePointCount(0, peerBody.indexOf(" 📅"));
      b.spliceBody(note, List.of(new Splice(at, 0, " and bread")));
      b.spliceBody(
          note,
          List.of(
              new Splice(
                  b.findNote(note)
                      .orElseThrow()
                      .body()
                      .codePointCount(0, b.findNote(note).orElseThrow().body().length()),
                  0,
                  " tonight")));
      sync(a, b);
      sync(b, a);
      String merged =
          "# Plan\n- [x] buy milk and bread 📅 2026-12-24 ✅ 2026-12-07\n- [ ] call Ann tonight";
      assertThat(a.findNote(note).orElseThrow().body()).isEqualTo(merged);
      assertThat(b.findNote(note).orElseThrow().body()).isEqualTo(merged);

      // Unticking on the peer takes the date away again; it reaches the first replica.
      b.toggleTaskAsync(note, 1, DAY.plusDays(1)).get();
      sync(b, a);
      assertThat(a.findNote(note).orElseThrow().body())
          .isEqualTo("# Plan\n- [ ] buy milk and bread 📅 2026-12-24\n- [ ] call Ann tonight");
    }
  }

  @Test
  void tickWhileAnotherWorkspaceOnTheSameFileKeepsWriting() throws Exception {
    Path file = dir.resolve("shared.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace first = Workspace.open(file, key);
        Workspace second = Workspace.open(file, key)) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        body.append("- [ ] task ").append(i).append('\n');
      }
      Soul note = first.createNote("Many", body.toString());
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 20; i++) {
                    second.createNote("Other " + i, "- [ ] other " + i);
                  }
                } catch (Throwable e) {
                  failed.set(e);
                }
              });
      writer.start();
      for (int line = 0; line < 20; line += 2) {
        first.toggleTaskAsync(note, line, DAY).get();
      }
      writer.join(60_000);
      assertThat(failed.get()).isNull();
      String text = first.findNote(note).orElseThrow().body();
      assertThat(text).contains("- [x] task 0 ✅ 2026-12-07\n- [ ] task 1\n");
      assertThat(text.split("✅", -1)).hasSize(11);
      assertThat(second.query("tasks where completed and done = date(\"2026-12-07\")").rows())
          .hasSize(10);
      assertThat(second.query("tasks where text = \"other 19\"").rows()).hasSize(1);
    }
  }
}
