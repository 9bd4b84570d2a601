package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.privacy.EpochKeys;
import org.rhizome.graph.privacy.KeyId;

/**
 * Decision 0009 between real replicas of one workspace: a removal rotates the workspace's epoch
 * key; what remaining members write after it is sealed under a key the removed member never gets —
 * its file, WAL and every change byte it is handed hold none of it, whoever relays it; an offline
 * member that comes back reads it all and converges; a member who joins later reads the history;
 * crossed removals end with a key neither removed member holds; forged and replayed wraps are
 * refused with a reason.
 */
class EpochKeysIT {
  @TempDir Path dir;

  @Test
  void whatIsWrittenAfterARemovalNeverReachesTheRemovedMemberInTheClear() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "bob", Role.WRITER);
      Workspace carol = team.join(alice, "carol", Role.WRITER);
      Workspace xavier = team.join(alice, "xavier", Role.WRITER);
      for (Workspace w : List.of(bob, carol, xavier)) {
        Team.exchange(alice, w);
      }
      Soul shared = alice.createNote("Shared plan", "before the removal");
      for (Workspace w : List.of(bob, carol, xavier)) {
        Team.exchange(alice, w);
      }
      assertThat(EpochKeys.EPOCH).satisfies(e -> assertThat(alice.node(e)).isEmpty());

      // Carol is offline. Alice removes Xavier: the same change carries a new epoch key, wrapped
      // for Alice, Bob and Carol, not for Xavier.
      Change removal = alice.membership().removeAsync(xavier.actor()).get();
      Map<String, Value> epoch = alice.node(EpochKeys.EPOCH);
      List<KeyId> keys = keyIds(epoch);
      assertThat(keys).hasSize(1);
      for (Workspace w : List.of(alice, bob, carol)) {
        assertThat(epoch).containsKey(EpochKeys.wrapField(keys.get(0), w.actor()));
      }
      assertThat(epoch).doesNotContainKey(EpochKeys.wrapField(keys.get(0), xavier.actor()));
      assertThat(removal.draft().ops()).anyMatch(op -> op.soul().equals(EpochKeys.EPOCH));

      Team.exchange(alice, bob);
      Soul secret = bob.createNote("Zqxepochtitle", "zqxepochbody [[Zqxepochlink]] #zqxepochtag");
      bob.editBody(shared, "before the removal, zqxepochedit");
      Team.exchange(alice, bob);
      // Xavier, still running, keeps syncing with Bob's replica: he gets every change (the log
      // relays them all), and nothing of what Bob wrote.
      Team.exchange(bob, xavier);
      assertThat(xavier.versionVector()).isEqualTo(bob.versionVector());
      assertThat(xavier.findNote(secret)).isEmpty();
      assertThat(xavier.findNote(shared).orElseThrow().body()).isEqualTo("before the removal");
      assertThat(xavier.search("zqxepochbody", 10)).isEmpty();
      assertThat(xavier.tags()).extracting(t -> t.tag()).doesNotContain("zqxepochtag");
      for (StoredChange c : xavier.changesSince(VersionVector.EMPTY, 0, 100_000)) {
        assertNoMarker(new String(c.bytes(), StandardCharsets.ISO_8859_1), "a change Xavier holds");
      }
      assertFilesHoldNone(xavier.file());
      // ... whereas his earlier note is in his file (the search can see plaintext)
      assertThat(fileText(xavier.file())).contains("Shared plan");

      // Carol comes back through Xavier first (an old peer passing on what it holds): she gets the
      // removal before Bob's sealed changes (they depend on it) and reads them.
      Team.exchange(xavier, carol);
      assertThat(carol.findNote(secret).orElseThrow().title()).isEqualTo("Zqxepochtitle");
      Team.exchange(carol, alice);
      Team.exchange(carol, bob);
      assertThat(carol.search("zqxepochbody", 10)).hasSize(1);
      assertThat(carol.backlinks(secret, 10)).isEmpty();
      assertThat(carol.tags()).extracting(t -> t.tag()).contains("zqxepochtag");
      assertThat(carol.findNote(shared).orElseThrow().body()).contains("zqxepochedit");
      assertThat(carol.digest()).isEqualTo(alice.digest()).isEqualTo(bob.digest());
      assertThat(bob.bodyHistory(shared, 10)).hasSize(2);

      // Carol writes: sealed too; and her version history of Bob's edit reads back.
      Soul carols = carol.createNote("Carol's zqxepochcarol", "words");
      Team.exchange(carol, xavier);
      assertThat(xavier.findNote(carols)).isEmpty();
      assertFilesHoldNone(xavier.file());
      assertThat(carol.bodyAt(shared, carol.bodyHistory(shared, 10).get(0)))
          .contains("zqxepochedit");

      // Someone joins later: a member asked for the wraps it owes (sync asks when it sees the
      // join) writes every key it holds for them at once, with nobody writing a note, and they read
      // the history sealed before they came. Dora herself, holding no key yet, makes none; asked
      // again, Alice owes nothing and writes nothing.
      int keysBefore = keyIds(alice.node(EpochKeys.EPOCH)).size();
      Workspace dora = team.join(alice, "dora", Role.WRITER);
      assertThat(dora.wrapOwedEpochKeysAsync().get()).isFalse();
      assertThat(alice.wrapOwedEpochKeysAsync().get()).isTrue();
      assertThat(alice.wrapOwedEpochKeysAsync().get()).isFalse();
      awaitWrapFor(alice, dora);
      Team.exchange(alice, dora);
      assertThat(dora.findNote(secret).orElseThrow().body()).contains("zqxepochbody");
      assertThat(keyIds(dora.node(EpochKeys.EPOCH))).hasSize(keysBefore);
      assertThat(dora.changesSince(VersionVector.EMPTY, 0, 100_000))
          .filteredOn(c -> c.author().equals(dora.actor()))
          .hasSize(1); // her join, nothing more
      alice.createNote("Welcome", "hello dora");
      Team.exchange(alice, dora);
      assertThat(dora.findNote(shared).orElseThrow().body()).contains("zqxepochedit");
      Team.exchange(alice, carol);
      Team.exchange(alice, bob);
      Team.exchange(alice, dora);
      assertThat(dora.digest()).isEqualTo(alice.digest()).isEqualTo(carol.digest());
      Team.exchange(alice, xavier);
      assertThat(xavier.findNote(secret)).isEmpty();
      assertFilesHoldNone(xavier.file());
    }
  }

  @Test
  void crossedRemovalsEndWithAKeyNeitherRemovedMemberHolds() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "bob", Role.ADMIN);
      Workspace carol = team.join(alice, "carol", Role.WRITER);
      Workspace xavier = team.join(alice, "xavier", Role.WRITER);
      Workspace yves = team.join(alice, "yves", Role.WRITER);
      for (Workspace w : List.of(bob, carol, xavier, yves)) {
        Team.exchange(alice, w);
      }
      // Two admins, offline from each other, each remove someone: two keys of generation 1, each
      // wrapped for the other's removed member.
      alice.membership().removeAsync(xavier.actor()).get();
      bob.membership().removeAsync(yves.actor()).get();
      Team.exchange(alice, carol);
      Team.exchange(bob, carol);
      assertThat(keyIds(carol.node(EpochKeys.EPOCH))).hasSize(2);
      // Carol knows both: no key she holds is clean, so her next change makes one, generation 2,
      // wrapped for neither.
      Soul note = carol.createNote("After both zqxepochcross", "zqxepochcross words");
      Map<String, Value> epoch = carol.node(EpochKeys.EPOCH);
      List<KeyId> keys = keyIds(epoch);
      assertThat(keys).hasSize(3);
      KeyId newest = null;
      for (KeyId k : keys) {
        if (epoch.get(EpochKeys.keyField(k)).equals(Value.of(2.0))) {
          newest = k;
        }
      }
      assertThat(newest).isNotNull();
      for (Workspace w : List.of(xavier, yves)) {
        assertThat(epoch).doesNotContainKey(EpochKeys.wrapField(newest, w.actor()));
      }
      for (Workspace w : List.of(alice, bob, carol)) {
        assertThat(epoch).containsKey(EpochKeys.wrapField(newest, w.actor()));
      }
      Team.exchange(carol, alice);
      Team.exchange(carol, bob);
      Team.exchange(alice, bob);
      assertThat(alice.findNote(note).orElseThrow().title()).contains("zqxepochcross");
      assertThat(bob.findNote(note).orElseThrow().title()).contains("zqxepochcross");
      assertThat(alice.digest()).isEqualTo(bob.digest()).isEqualTo(carol.digest());
      // Alice, writing after, seals under the same newest key (no fourth key).
      alice.createNote("Next", "zqxepochnext");
      assertThat(keyIds(alice.node(EpochKeys.EPOCH))).hasSize(3);
      for (Workspace removed : List.of(xavier, yves)) {
        Team.exchange(alice, removed);
        assertThat(removed.findNote(note)).isEmpty();
        assertFilesHoldNone(removed.file(), "zqxepochcross", "zqxepochnext");
      }
    }
  }

  @Test
  void forgedAndReplayedEpochWrapsAreRefusedWithAReason() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "bob", Role.WRITER);
      Workspace carol = team.join(alice, "carol", Role.WRITER);
      Workspace xavier = team.join(alice, "xavier", Role.WRITER);
      for (Workspace w : List.of(bob, carol, xavier)) {
        Team.exchange(alice, w);
      }
      alice.membership().removeAsync(xavier.actor()).get();
      for (Workspace w : List.of(bob, carol, xavier)) {
        Team.exchange(alice, w);
      }
      Map<String, Value> epoch = carol.node(EpochKeys.EPOCH);
      KeyId key = keyIds(epoch).get(0);
      String bobsWrap = ((Value.Str) epoch.get(EpochKeys.wrapField(key, bob.actor()))).value();

      // Replayed: Bob's wrap copied, by a member in good standing, into a wrap for Xavier. Every
      // replica stores it (it has a wrap's shape); Xavier's does not open and says why.
      Change copied =
          team.forge(
              alice,
              List.of(
                  new Op.SetField(
                      EpochKeys.EPOCH,
                      EpochKeys.wrapField(key, xavier.actor()),
                      Value.of(bobsWrap))));
      assertThat(Team.offer(xavier, copied).get(0).status()).isEqualTo(ApplyResult.Status.APPLIED);
      assertThat(xavier.recentRefusals(10))
          .anySatisfy(
              r -> {
                assertThat(r.reason()).isEqualTo(RefusalReason.MALFORMED);
                assertThat(r.detail()).contains("epoch key wrap").contains("does not open");
              });

      // Replayed under another key id: a wrap names its key in its context, so Bob's own wrap,
      // copied under a new key id for Bob, does not open on Bob's replica either.
      KeyId other = KeyId.random(team.random);
      Change otherKey =
          team.forge(
              carol,
              List.of(
                  new Op.SetField(EpochKeys.EPOCH, EpochKeys.keyField(other), Value.of(5.0)),
                  new Op.SetField(
                      EpochKeys.EPOCH,
                      EpochKeys.wrapField(other, bob.actor()),
                      Value.of(bobsWrap))));
      Team.sync(xavier, bob); // Alice's copied wrap, which Bob's replica stores
      assertThat(Team.offer(bob, otherKey).get(0).status()).isEqualTo(ApplyResult.Status.APPLIED);
      assertThat(bob.recentRefusals(10))
          .anySatisfy(r -> assertThat(r.detail()).contains("epoch key wrap").contains(other.hex()));

      // Forged by the removed member after his removal: refused (kept without effect); the key,
      // made by a removed member with a high generation, is never sealed under.
      KeyId forgedKey = KeyId.random(team.random);
      Change forged =
          team.forge(
              xavier,
              List.of(
                  new Op.SetField(EpochKeys.EPOCH, EpochKeys.keyField(forgedKey), Value.of(9.0)),
                  new Op.SetField(
                      EpochKeys.EPOCH,
                      EpochKeys.wrapField(forgedKey, carol.actor()),
                      Value.of(bobsWrap))));
      Team.sync(xavier, carol); // what Xavier's forged change depends on
      ApplyResult r = Team.offer(carol, forged).get(0);
      assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
      assertThat(r.detail()).contains("cut-off");

      // Malformed: a generation that is not a whole number, a field the node does not have.
      Team.sync(carol, alice);
      for (Op bad :
          List.of(
              new Op.SetField(EpochKeys.EPOCH, EpochKeys.keyField(other), Value.of("two")),
              new Op.SetField(EpochKeys.EPOCH, "owner", Value.of("me")),
              new Op.SetField(
                  EpochKeys.EPOCH, EpochKeys.wrapField(other, carol.actor()), Value.of("xx")))) {
        ApplyResult bad1 = Team.offer(alice, team.forge(carol, List.of(bad))).get(0);
        assertThat(bad1.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
        assertThat(bad1.detail()).contains("sys.epoch");
      }

      // Carol's next note: Alice's key now has a (copied) wrap for Xavier, so Carol treats it as
      // his
      // and makes a new one; neither the forged key nor the one she does not hold is used.
      Soul note = carol.createNote("zqxepochafter", "words");
      StoredChange last = null;
      for (StoredChange c : carol.changesSince(VersionVector.EMPTY, 0, 100_000)) {
        if (c.author().equals(carol.actor())) {
          last = c;
        }
      }
      List<KeyId> sealedUnder = new ArrayList<>();
      for (Op op : org.rhizome.graph.change.ChangeCodec.decode(last.bytes()).draft().ops()) {
        EpochKeys.keyOf(op).ifPresent(sealedUnder::add);
      }
      assertThat(sealedUnder).hasSize(1).doesNotContain(key, forgedKey, other);
      Map<String, Value> now = carol.node(EpochKeys.EPOCH);
      assertThat(now.get(EpochKeys.keyField(sealedUnder.get(0)))).isEqualTo(Value.of(10.0));
      assertThat(now).doesNotContainKey(EpochKeys.wrapField(sealedUnder.get(0), xavier.actor()));
      Team.exchange(carol, xavier);
      assertThat(xavier.findNote(note)).isEmpty();
      assertFilesHoldNone(xavier.file(), "zqxepochafter");
    }
  }

  private static List<KeyId> keyIds(Map<String, Value> epoch) {
    List<KeyId> out = new ArrayList<>();
    for (String f : epoch.keySet()) {
      EpochKeys.parseKeyField(f).ifPresent(out::add);
    }
    return out;
  }

  private static final String[] MARKERS = {
    "Zqxepochtitle", "zqxepochbody", "Zqxepochlink", "zqxepochtag", "zqxepochedit", "zqxepochcarol"
  };

  /**
   * Waits (at most 10 s) until {@code holder}'s replica has an epoch key wrapped for {@code ws}.
   */
  private static void awaitWrapFor(Workspace holder, Workspace ws) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      Map<String, Value> epoch = holder.node(EpochKeys.EPOCH);
      if (keyIds(epoch).stream()
          .anyMatch(k -> epoch.containsKey(EpochKeys.wrapField(k, ws.actor())))) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no epoch key was wrapped for the new device within 10 s");
      }
      Thread.sleep(10); // the wrap is written by the holder's own events thread
    }
  }

  private static void assertNoMarker(String text, String what, String... markers) {
    for (String m : markers.length == 0 ? MARKERS : markers) {
      assertThat(text).as(what + " holds " + m).doesNotContain(m);
    }
  }

  private static String fileText(Path db) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        out.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return out.toString();
  }

  private static void assertFilesHoldNone(Path db, String... markers) throws Exception {
    assertNoMarker(fileText(db), db + " (or its WAL)", markers);
  }
}
