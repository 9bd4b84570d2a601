package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.SpliceTransform;

/**
 * Splices made on a version land where they were typed whatever arrived meanwhile, and another
 * process's commits reach the feed with their exact splices (issue 13).
 */
class VersionedSplicesIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();

  @Test
  void anotherProcessesEditReachesTheFeedAsSplicesAndAStaleKeystrokeLandsWhereTyped()
      throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Path file = dir.resolve("shared.db");
    try (Workspace app = Workspace.open(file, key);
        Workspace cli = Workspace.open(file, key)) {
      Soul soul = app.createNote("Decision", "Decision: ship on Friday");
      BlockingQueue<ChangeEvent> events = new LinkedBlockingQueue<>();
      app.subscribe(events::add);
      VersionedText opened = app.openBody(soul);
      assertThat(opened.text()).isEqualTo("Decision: ship on Friday");

      // the CLI (another Workspace on the file) prepends a line
      VersionedText read = cli.openBody(soul);
      cli.editBody(soul, read, "# Meeting\nDecision: ship on Friday");
      ChangeEvent foreign = poll(events, e -> e.otherProcess());
      assertThat(foreign.local()).isTrue(); // same device
      assertThat(foreign.texts())
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.soul()).isEqualTo(soul);
                assertThat(t.before()).isEqualTo(opened.version());
                assertThat(SpliceTransform.apply(opened.text(), t.splices()))
                    .isEqualTo("# Meeting\nDecision: ship on Friday");
              });

      // a keystroke made on the version the editor had before the CLI's edit lands where typed
      app.spliceBodyAsync(soul, opened.version(), List.of(new Splice(10, 0, "TYPED ")), 7)
          .get(5, TimeUnit.SECONDS);
      assertThat(app.findNote(soul).orElseThrow().body())
          .isEqualTo("# Meeting\nDecision: TYPED ship on Friday");
      ChangeEvent own = poll(events, e -> !e.texts().isEmpty() && e.texts().get(0).origin() == 7);
      assertThat(own.texts().get(0).splices()).containsExactly(new Splice(20, 0, "TYPED "));
    }
  }

  @Test
  void twoWholeBodyEditsFromOneVersionBothSurvive() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Path file = dir.resolve("cli.db");
    try (Workspace first = Workspace.open(file, key);
        Workspace second = Workspace.open(file, key)) {
      Soul soul = first.createNote("Plan", "one\ntwo\nthree\n");
      VersionedText a = first.openBody(soul);
      VersionedText b = second.openBody(soul);
      first.editBody(soul, a, "ONE\ntwo\nthree\n");
      second.editBody(soul, b, "one\ntwo\nthree\nfour\n");
      assertThat(first.findNote(soul).orElseThrow().body()).isEqualTo("ONE\ntwo\nthree\nfour\n");
      assertThat(second.findNote(soul).orElseThrow().body()).isEqualTo("ONE\ntwo\nthree\nfour\n");
    }
  }

  @Test
  void aVersionOlderThanTheTimelineIsReplayedFromTheLog() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Path file = dir.resolve("replay.db");
    try (Workspace app = Workspace.open(file, key)) {
      Soul soul = app.createNote("Old", "abc def");
      VersionedText old = app.openBody(soul);
      app.editBody(soul, "abc XYZ def");
      try (Workspace other = Workspace.open(file, key)) {
        // a fresh process has no timeline: the edit is anchored to the characters of the old
        // version
        other
            .spliceBodyAsync(soul, old.version(), List.of(new Splice(7, 0, "!")), 0)
            .get(5, TimeUnit.SECONDS);
        assertThat(other.findNote(soul).orElseThrow().body()).isEqualTo("abc XYZ def!");
      }
    }
  }

  @Test
  void peersChangesCarryTheirSplices() throws Exception {
    try (Workspace a = Workspace.open(dir.resolve("a.db"), DeviceKey.generate(random));
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"),
                a.id(),
                DeviceKey.generate(random),
                System::currentTimeMillis)) {
      Soul soul = a.createNote("Shared", "hello");
      b.applyRemote(ConcurrentBodyEditsIT.everything(a));
      VersionedText opened = b.openBody(soul);
      BlockingQueue<ChangeEvent> events = new LinkedBlockingQueue<>();
      b.subscribe(events::add);
      a.editBody(soul, "hello world");
      b.applyRemote(ConcurrentBodyEditsIT.everything(a));
      // (the creation's own event may still be on its way to a late subscriber: an editor skips it
      // by version)
      ChangeEvent e =
          poll(
              events,
              ev -> !ev.texts().isEmpty() && ev.texts().get(0).before().equals(opened.version()));
      assertThat(e.local()).isFalse();
      assertThat(e.otherProcess()).isFalse();
      assertThat(SpliceTransform.apply(opened.text(), e.texts().get(0).splices()))
          .isEqualTo("hello world");
    }
  }

  static ChangeEvent poll(
      BlockingQueue<ChangeEvent> events, java.util.function.Predicate<ChangeEvent> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      ChangeEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && wanted.test(e)) {
        return e;
      }
    }
    throw new AssertionError("no such event within 5 s");
  }
}
