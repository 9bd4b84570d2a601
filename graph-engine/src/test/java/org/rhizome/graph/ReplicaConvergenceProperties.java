package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import net.jqwik.api.constraints.IntRange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeChain;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.merge.FieldMerge;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.change.ValueCodec;

/**
 * CRDT laws on real SQLite replicas: random histories of 3 actors who see some of each other's
 * changes, delivered to 3 replicas in random orders with duplicates (refused-for-now changes are
 * offered again, as sync does), always reach one digest — and the state the LWW model predicts.
 */
class ReplicaConvergenceProperties {
  static final WorkspaceId WS = WorkspaceId.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  static final List<Soul> SOULS = List.of(new Soul("a"), new Soul("b"), new Soul("c"));
  static final List<String> FIELDS = List.of("title", "n", "flag");

  @Property(tries = 12, seed = "4242")
  void replicasConvergeWhateverTheDeliveryOrder(@ForAll long seed, @ForAll @IntRange(min = 5, max = 60) int steps) throws Exception {
    Random random = new Random(seed);
    List<Change> history = randomHistory(random, steps);
    Map<String, FieldState> model = model(history);
    Path dir = Files.createTempDirectory("rhizome-converge");
    try {
      List<String> digests = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        try (Workspace replica = Workspace.open(dir.resolve("r" + r + ".db"), WS, DeviceKey.generate(new java.security.SecureRandom()), () -> 1_000L)) {
          deliverShuffled(replica, history, random);
          assertThat(replica.versionVector().asMap().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(history.size());
          for (Soul s : SOULS) {
            Map<String, Value> node = replica.node(s);
            for (String f : FIELDS) {
              FieldState expected = model.get(s.value() + "/" + f);
              Value want = expected == null ? Value.NULL : ValueCodec.decode(expected.value());
              assertThat(node.getOrDefault(f, Value.NULL)).as("%s.%s", s, f).isEqualTo(want);
            }
          }
          digests.add(replica.digest());
        }
      }
      assertThat(digests).containsOnly(digests.get(0));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Actors take turns; before a change an actor may first learn what the others have made so far. */
  static List<Change> randomHistory(Random random, int steps) {
    List<ChangeChain> actors = new ArrayList<>();
    List<VersionVector> known = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      seed[1] = (byte) random.nextInt();
      actors.add(new ChangeChain(WS, DeviceKey.fromSeed(seed)));
      known.add(VersionVector.EMPTY);
    }
    List<Change> history = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      int a = random.nextInt(3);
      ChangeChain me = actors.get(a);
      if (random.nextInt(3) == 0) { // sync with everyone so far
        VersionVector vv = known.get(a);
        for (ChangeChain other : actors) {
          if (other != me && other.seq() > 0) {
            vv = vv.with(other.key().actor(), other.seq());
          }
        }
        known.set(a, vv);
      }
      List<Op> ops = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      java.util.Set<String> used = new java.util.HashSet<>();
      for (int k = 0; k < n; k++) {
        Soul s = SOULS.get(random.nextInt(SOULS.size()));
        String f = FIELDS.get(random.nextInt(FIELDS.size()));
        if (!used.add(s + "/" + f)) {
          continue;
        }
        Value v = switch (random.nextInt(4)) {
          case 0 -> Value.of("v" + random.nextInt(5));
          case 1 -> Value.of(random.nextInt(3));
          case 2 -> Value.of(random.nextBoolean());
          default -> Value.NULL;
        };
        ops.add(new Op.SetField(s, f, v));
      }
      long hlc = 1 + random.nextInt(6); // few distinct clocks: ties are common and must break the same way
      history.add(me.next(hlc, known.get(a), ops));
    }
    return history;
  }

  static Map<String, FieldState> model(List<Change> history) {
    Map<String, FieldState> state = new HashMap<>();
    for (Change c : history) {
      for (Op op : c.ops()) {
        Op.SetField set = (Op.SetField) op;
        FieldState candidate = new FieldState(ValueCodec.encode(set.value()), c.hlc(), c.actor());
        state.merge(set.soul().value() + "/" + set.field(), candidate, FieldMerge::merge);
      }
    }
    return state;
  }

  static void deliverShuffled(Workspace replica, List<Change> history, Random random) throws Exception {
    List<byte[]> pending = new ArrayList<>();
    for (Change c : history) {
      pending.add(c.encoded());
      if (random.nextInt(4) == 0) {
        pending.add(c.encoded()); // a duplicate
      }
    }
    for (int round = 0; round < history.size() + 2 && !pending.isEmpty(); round++) {
      java.util.Collections.shuffle(pending, random);
      List<ApplyResult> results = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += 7) { // a few batches per round
        results.addAll(replica.applyRemote(pending.subList(from, Math.min(pending.size(), from + 7))));
      }
      List<byte[]> retry = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        ApplyResult r = results.get(i);
        if (r.isRefused()) {
          assertThat(r.reason()).as(r.detail()).isIn(org.rhizome.graph.change.RefusalReason.GAP_IN_SEQ,
              org.rhizome.graph.change.RefusalReason.MISSING_DEPENDENCY);
          retry.add(pending.get(i));
        }
      }
      pending = retry;
    }
    assertThat(pending).as("changes never applied").isEmpty();
  }
}
