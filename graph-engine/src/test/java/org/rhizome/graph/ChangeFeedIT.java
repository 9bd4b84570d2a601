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
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

class ChangeFeedIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();

  @Test
  void subscribersSeeLocalAndRemoteChangesOnTheEventThread() throws Exception {
    BlockingQueue<ChangeEvent> events = new LinkedBlockingQueue<>();
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    try (Workspace a = Workspace.open(dir.resolve("a.db"), DeviceKey.generate(random));
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"),
                a.id(),
                DeviceKey.generate(random),
                System::currentTimeMillis)) {
      AutoCloseable sub =
          b.subscribe(
              e -> {
                events.add(e);
                threads.add(Thread.currentThread().getName());
              });
      Soul soul = b.createNote("Local", "");
      ChangeEvent local = events.poll(5, TimeUnit.SECONDS);
      assertThat(local).isNotNull();
      assertThat(local.local()).isTrue();
      assertThat(local.changes())
          .singleElement()
          .satisfies(c -> assertThat(c.ops()).anyMatch(op -> op.soul().equals(soul)));
      assertThat(threads.poll(5, TimeUnit.SECONDS)).isEqualTo("rhizome-events");

      a.createNote("From a", "");
      List<StoredChange> fromA = a.changesSince(VersionVector.EMPTY, 0, 100);
      b.applyRemote(fromA.stream().map(e -> e.bytes()).toList());
      ChangeEvent remote = events.poll(5, TimeUnit.SECONDS);
      assertThat(remote).isNotNull();
      assertThat(remote.local()).isFalse();
      assertThat(remote.changes()).extracting(Change::actor).containsOnly(a.actor());

      sub.close();
      b.createNote("Unheard", "");
      assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void twoProcessesOnOneFileKeepOneChain() throws Exception {
    // Two Workspace objects on one file behave as the app and the CLI in two processes do: each has
    // its own connections, caches and clock, and SQLite's lock orders their writes.
    DeviceKey key = DeviceKey.generate(random);
    Path file = dir.resolve("shared.db");
    try (Workspace app = Workspace.open(file, key);
        Workspace cli = Workspace.open(file, key)) {
      Soul first = app.createNote("From the app", "");
      cli.createNote("From the CLI", "[[From the app]]");
      app.editBody(first, "edited in the app");
      cli.createNote("Again from the CLI", "");
      assertThat(app.versionVector().get(key.actor())).isEqualTo(4);
      assertThat(cli.versionVector().get(key.actor())).isEqualTo(4);
      assertThat(app.digest()).isEqualTo(cli.digest());
      assertThat(app.backlinks(first, 10)).hasSize(1);

      // A peer's change arrives through the CLI's connection; the app's next change must depend on
      // it.
      DeviceKey peer = DeviceKey.generate(random);
      Change fromPeer =
          new org.rhizome.graph.change.ChangeChain(app.id(), peer)
              .next(
                  1,
                  List.of(
                      new org.rhizome.graph.change.Op.SetField(
                          new Soul("peer-node"), "x", Value.of(1))));
      assertThat(cli.applyRemote(fromPeer.encoded()).status())
          .isEqualTo(ApplyResult.Status.APPLIED);
      Change next = app.editBody(first, "after the peer").orElseThrow();
      assertThat(next.deps().get(peer.actor())).isEqualTo(1);
      // the log is one unbroken chain: a fresh replica accepts it all, in order
      try (Workspace replica =
          Workspace.open(
              dir.resolve("replica.db"),
              app.id(),
              DeviceKey.generate(random),
              System::currentTimeMillis)) {
        List<ApplyResult> results =
            replica.applyRemote(
                app.changesSince(VersionVector.EMPTY, 0, 100).stream()
                    .map(e -> e.bytes())
                    .toList());
        assertThat(results)
            .extracting(ApplyResult::status)
            .containsOnly(ApplyResult.Status.APPLIED);
        assertThat(replica.digest()).isEqualTo(app.digest());
      }
    }
  }

  @Test
  void laterEditWinsEvenWhenTheOtherProcessClockRunsAhead() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Path file = dir.resolve("clocks.db");
    WorkspaceId id = WorkspaceId.of(new byte[16]);
    try (Workspace app = Workspace.open(file, id, key, () -> 1_000L);
        Workspace cli = Workspace.open(file, id, key, () -> 9_000_000L)) {
      Soul soul = app.createNote("Clocks", "first");
      cli.editBody(soul, "from the CLI, whose clock is ahead");
      app.editBody(soul, "later, from the app");
      assertThat(app.findNote(soul).orElseThrow().body()).isEqualTo("later, from the app");
    }
  }

  @Test
  void changesSinceSendsExactlyWhatThePeerLacksInCausalOrder() throws Exception {
    try (Workspace a = Workspace.open(dir.resolve("a2.db"), DeviceKey.generate(random));
        Workspace b =
            Workspace.open(
                dir.resolve("b2.db"),
                a.id(),
                DeviceKey.generate(random),
                System::currentTimeMillis)) {
      for (int i = 0; i < 5; i++) {
        a.createNote("A" + i, "");
      }
      b.applyRemote(
          a.changesSince(VersionVector.EMPTY, 0, 100).stream().map(e -> e.bytes()).toList());
      for (int i = 0; i < 3; i++) {
        b.createNote("B" + i, "[[A0]]");
      }
      a.createNote("A5", "");
      // a holds A1..A6 of its own; b holds A1..A5 and B1..B3
      VersionVector bHas = b.versionVector();
      List<StoredChange> missing = a.changesSince(bHas, 0, 100);
      assertThat(missing).extracting(e -> e.author()).containsOnly(a.actor());
      assertThat(missing).extracting(e -> e.seq()).containsExactly(6L);
      assertThat(a.changesSince(a.versionVector(), 0, 100)).isEmpty();
      List<StoredChange> forA = b.changesSince(a.versionVector(), 0, 100);
      assertThat(forA).extracting(e -> e.seq()).containsExactly(1L, 2L, 3L);
      assertThat(a.applyRemote(forA.stream().map(e -> e.bytes()).toList()))
          .extracting(ApplyResult::status)
          .containsOnly(ApplyResult.Status.APPLIED);
    }
  }
}
