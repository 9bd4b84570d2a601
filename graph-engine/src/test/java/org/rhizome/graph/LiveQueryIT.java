package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.query.lang.QueryResult;

/**
 * Queries see every writer: a local edit, a peer's change, and another Workspace on the same file.
 */
class LiveQueryIT {
  @TempDir Path dir;

  private static QueryResult next(LinkedBlockingQueue<QueryResult> results)
      throws InterruptedException {
    QueryResult r = results.poll(10, TimeUnit.SECONDS);
    assertThat(r).as("a result within 10 s").isNotNull();
    return r;
  }

  private static List<String> texts(QueryResult r) {
    return r.rows().stream().map(row -> row.task().text()).toList();
  }

  @Test
  void reRunsOnLocalAndRemoteChangesAndOnlyReportsDifferences() throws Exception {
    try (Workspace b =
            Workspace.open(dir.resolve("peer.db"), DeviceKey.generate(new SecureRandom()));
        Workspace a =
            Workspace.open(
                dir.resolve("mine.db"),
                b.id(),
                DeviceKey.generate(new SecureRandom()),
                System::currentTimeMillis)) {
      LinkedBlockingQueue<QueryResult> results = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<Exception> errors = new LinkedBlockingQueue<>();
      Soul note = a.createNote("Todo", "- [ ] first");
      try (LiveQuery live =
          LiveQuery.of(a, "tasks where not completed", results::add, errors::add)) {
        assertThat(texts(next(results))).containsExactly("first");

        a.createNote(
            "Unrelated", "no tasks here"); // a change that does not affect the result: no report
        a.toggleTaskAsync(note, 0).get(); // the task is done now
        assertThat(texts(next(results))).isEmpty();

        // A peer's change arrives through replication.
        b.createNote("From peer", "- [ ] peer task 📅 2026-12-24");
        List<StoredChange> fromB = b.changesSince(VersionVector.EMPTY, 0, 100);
        a.applyRemote(fromB.stream().map(e -> e.bytes()).toList());
        QueryResult r = next(results);
        assertThat(texts(r)).containsExactly("peer task");
        assertThat(r.rows().get(0).task().due())
            .isEqualTo(org.rhizome.graph.tasks.Dates.parse("2026-12-24"));
        assertThat(results.poll(300, TimeUnit.MILLISECONDS)).isNull();
      }
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void aSecondWorkspaceOnTheSameFileIsSeenByTheNextQuery() throws Exception {
    Path file = dir.resolve("shared.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace first = Workspace.open(file, key);
        Workspace second = Workspace.open(file, key)) {
      first.createNote("One", "---\nrating: 1\n---\n");
      second.createNote("Two", "---\nrating: 2\n---\n- [ ] from the second");
      assertThat(first.query("list where rating >= 1 sort rating").rows())
          .extracting(QueryResult.Row::title)
          .containsExactly("One", "Two");
      assertThat(first.query("tasks").rows()).hasSize(1);
      // A write through the first while the second keeps writing.
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 20; i++) {
                    second.createNote("Bulk " + i, "---\nrating: 5\n---\n- [ ] bulk " + i);
                  }
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      writer.start();
      first.createNote("Three", "---\nrating: 3\n---\n");
      writer.join(30_000);
      assertThat(first.query("count where rating = 5").count()).isEqualTo(20);
      assertThat(first.query("count where rating < 5").count()).isEqualTo(3);
      assertThat(first.query("tasks where text contains \"bulk\"").rows()).hasSize(20);
    }
  }
}
