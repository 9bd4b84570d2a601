package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;

/**
 * The same changes — a founder, members, a removal, the removed member's edits before and after it,
 * a remaining member's edit that rests on the removed member's later text, and two admins removing
 * each other offline — delivered to a fresh replica of a remaining member in many random causally
 * valid orders: every order ends with the same state digest as the remaining members', and none
 * holds an effect of a change made after its author's cut-off. (The removed members' replicas end
 * without what was written after their removal: it is sealed under epoch keys they never get,
 * decision 0009.)
 */
class RemovalOrderProperties {
  static Path dir;
  static List<Change> changes;
  static Soul shared;
  static String expectedDigest;
  static String expectedBody;
  static DeviceKey carolsKey;

  @BeforeContainer
  static void makeTheChanges() throws Exception {
    dir = Files.createTempDirectory("rhizome-removal-orders");
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace dave = team.join(alice, "Dave", Role.ADMIN);
      Workspace bob = team.join(alice, "Bob", Role.WRITER);
      Workspace carol = team.join(alice, "Carol", Role.WRITER);
      shared = alice.createNote("Shared", "base text");
      for (Workspace w : List.of(dave, bob, carol)) {
        Team.exchange(alice, w);
      }
      bob.editBody(shared, "base text pre");
      bob.createNote("Bob before", "kept");
      Team.exchange(alice, bob);

      alice.membership().removeAsync(bob.actor()).get();
      bob.editBody(shared, "base text bob-after");
      bob.createNote("Bob after", "post-removal marker");
      Team.sync(bob, carol);
      carol.editBody(shared, "base text bob-CAROL-after");
      carol.createNote("Carol", "stays");

      alice.membership().removeAsync(dave.actor()).get();
      alice.createNote("Alice late", "a");
      Thread.sleep(5);
      dave.membership().removeAsync(alice.actor()).get();
      dave.createNote("Dave late", "post-removal marker");

      carolsKey = team.keys.get(carol.actor());
      // The reference: everything exchanged among the four; then Carol's next change wraps the
      // epoch key of Dave's removal (which does not count, and left Alice out) for Alice.
      for (int round = 0; round < 3; round++) {
        if (round == 1) {
          carol.membership().setMyNameAsync("Carol C.").get();
        }
        for (Workspace a : List.of(alice, bob, carol, dave)) {
          for (Workspace b : List.of(alice, bob, carol, dave)) {
            if (a != b) {
              Team.sync(a, b);
            }
          }
        }
      }
      changes = new ArrayList<>();
      for (StoredChange c : Team.union(List.of(alice, bob, carol, dave))) {
        changes.add(ChangeCodec.decode(c.bytes()));
      }
      expectedDigest = alice.digest();
      expectedBody = alice.bodies(List.of(shared)).get(0);
      assertThat(carol.digest()).isEqualTo(expectedDigest);
      for (Workspace removed : List.of(bob, dave)) {
        assertThat(removed.resolve("Alice late")).isEmpty(); // sealed under a key they lack
      }
    }
  }

  @AfterContainer
  static void removeFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 25, seed = "160007")
  void everyDeliveryOrderEndsTheSame(@ForAll long seed) throws Exception {
    List<Change> order = causalShuffle(changes, new Random(seed));
    Path file = dir.resolve("order-" + Long.toHexString(seed) + ".db");
    try (Workspace fresh =
        Workspace.openToJoin(
            file,
            changes.get(0).workspace(),
            carolsKey)) { // Carol's device restored from peers: it holds her epoch keys' wraps
      for (Change c : order) {
        fresh.applyRemote(List.of(c.encoded()));
      }
      assertThat(fresh.digest()).isEqualTo(expectedDigest);
      assertThat(fresh.bodies(List.of(shared))).containsExactly(expectedBody);
      assertThat(expectedBody).contains("CAROL").contains("text").doesNotContain("bob");
      assertThat(fresh.resolve("Bob after")).isEmpty();
      assertThat(fresh.resolve("Dave late")).isEmpty();
      assertThat(fresh.resolve("Bob before")).isPresent();
      assertThat(fresh.resolve("Alice late")).isPresent();
      assertThat(fresh.resolve("Carol")).isPresent();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A random order in which every change comes after its actor's earlier ones and its deps. */
  static List<Change> causalShuffle(List<Change> all, Random random) {
    Map<ActorId, Long> have = new HashMap<>();
    List<Change> pending = new ArrayList<>(all);
    List<Change> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      List<Change> ready = new ArrayList<>();
      for (Change c : pending) {
        if (have.getOrDefault(c.actor(), 0L) == c.seq() - 1 && satisfied(c, have)) {
          ready.add(c);
        }
      }
      if (ready.isEmpty()) {
        throw new IllegalStateException("no causal order: a change's dependency is missing");
      }
      Change next = ready.get(random.nextInt(ready.size()));
      pending.remove(next);
      out.add(next);
      have.put(next.actor(), next.seq());
    }
    return out;
  }

  private static boolean satisfied(Change c, Map<ActorId, Long> have) {
    for (Map.Entry<ActorId, Long> dep : c.deps().asMap().entrySet()) {
      if (have.getOrDefault(dep.getKey(), 0L) < dep.getValue()) {
        return false;
      }
    }
    return true;
  }
}
