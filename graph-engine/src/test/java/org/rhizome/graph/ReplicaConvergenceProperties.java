package org.rhizome.graph;

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
import net.jqwik.api.constraints.IntRange;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeChain;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.merge.FieldMerge;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextException;
import org.rhizome.graph.text.TextOp;

/**
 * CRDT laws on real SQLite replicas: random histories of 3 actors who see some of each other's
 * changes — field sets and concurrent edits of one note body — delivered to 3 replicas in random
 * orders with duplicates (refused-for-now changes are offered again, as sync does), always reach
 * one digest, the state the LWW model predicts and the body a model text replica holds.
 */
class ReplicaConvergenceProperties {
  static final WorkspaceId WS =
      WorkspaceId.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  static final List<Soul> SOULS = List.of(new Soul("a"), new Soul("b"), new Soul("c"));
  static final List<String> FIELDS = List.of("title", "n", "flag");
  static final Soul BODY_SOUL = new Soul("a");

  @Property(tries = 12, seed = "4242")
  void replicasConvergeWhateverTheDeliveryOrder(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 60) int steps) throws Exception {
    Random random = new Random(seed);
    List<Change> history = randomHistory(random, steps);
    Map<String, FieldState> model = model(history);
    String body = modelBody(history);
    Path dir = Files.createTempDirectory("rhizome-converge");
    try {
      List<String> digests = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        try (Workspace replica =
            Workspace.open(
                dir.resolve("r" + r + ".db"),
                WS,
                DeviceKey.generate(new java.security.SecureRandom()),
                () -> 1_000L)) {
          deliverShuffled(replica, history, random);
          assertThat(
                  replica.versionVector().asMap().values().stream()
                      .mapToLong(Long::longValue)
                      .sum())
              .isEqualTo(history.size());
          for (Soul s : SOULS) {
            Map<String, Value> node = replica.node(s);
            for (String f : FIELDS) {
              FieldState expected = model.get(s.value() + "/" + f);
              Value want = expected == null ? Value.NULL : ValueCodec.decode(expected.value());
              assertThat(node.getOrDefault(f, Value.NULL)).as("%s.%s", s, f).isEqualTo(want);
            }
          }
          assertThat(replica.node(BODY_SOUL).getOrDefault("body", Value.of("")))
              .isEqualTo(Value.of(body));
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

  /**
   * Actors take turns; before a change an actor may first learn what the others have made so far.
   */
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
    List<TextDocument> docs = List.of(new TextDocument(), new TextDocument(), new TextDocument());
    int[] seenUpTo = new int[3];
    List<Change> history = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      int a = random.nextInt(3);
      ChangeChain me = actors.get(a);
      if (random.nextInt(3) == 0) { // sync with everyone so far
        for (int k = seenUpTo[a]; k < history.size(); k++) {
          if (!history.get(k).actor().equals(me.key().actor())) {
            applyText(docs.get(a), history.get(k));
          }
        }
        seenUpTo[a] = history.size();
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
        Value v =
            switch (random.nextInt(4)) {
              case 0 -> Value.of("v" + random.nextInt(5));
              case 1 -> Value.of(random.nextInt(3));
              case 2 -> Value.of(random.nextBoolean());
              default -> Value.NULL;
            };
        ops.add(new Op.SetField(s, f, v));
      }
      if (random.nextBoolean()) { // edit the shared body on this actor's own copy
        TextDocument doc = docs.get(a);
        int pos = random.nextInt(doc.length() + 1);
        int del = random.nextInt(Math.min(3, doc.length() - pos) + 1);
        String ins = List.of("", "x", "yz", "😀", "ab ").get(random.nextInt(5));
        List<TextOp> textOps = doc.splice(me.key().actor(), pos, del, ins);
        if (!textOps.isEmpty()) {
          ops.add(new Op.TextEdit(BODY_SOUL, "body", textOps));
        }
      }
      if (ops.isEmpty()) {
        ops.add(new Op.SetField(SOULS.get(1), "n", Value.of(step)));
      }
      long hlc =
          1 + random.nextInt(6); // few distinct clocks: ties are common and must break the same way
      history.add(me.next(hlc, known.get(a), ops));
    }
    return history;
  }

  static void applyText(TextDocument doc, Change change) {
    for (Op op : change.ops()) {
      if (op instanceof Op.TextEdit edit) {
        for (TextOp t : edit.ops()) {
          try {
            doc.apply(t);
          } catch (TextException e) {
            throw new AssertionError("a causally delivered text op must apply", e);
          }
        }
      }
    }
  }

  /** The body a replica that applied the whole history in its (causal) order holds. */
  static String modelBody(List<Change> history) {
    TextDocument doc = new TextDocument();
    for (Change c : history) {
      applyText(doc, c);
    }
    return doc.text();
  }

  static Map<String, FieldState> model(List<Change> history) {
    Map<String, FieldState> state = new HashMap<>();
    for (Change c : history) {
      for (Op op : c.ops()) {
        if (!(op instanceof Op.SetField set)) {
          continue;
        }
        FieldState candidate = new FieldState(ValueCodec.encode(set.value()), c.hlc(), c.actor());
        state.merge(set.soul().value() + "/" + set.field(), candidate, FieldMerge::merge);
      }
    }
    return state;
  }

  static void deliverShuffled(Workspace replica, List<Change> history, Random random)
      throws Exception {
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
        results.addAll(
            replica.applyRemote(pending.subList(from, Math.min(pending.size(), from + 7))));
      }
      List<byte[]> retry = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        ApplyResult r = results.get(i);
        if (r.isRefused()) {
          assertThat(r.reason())
              .as(r.detail())
              .isIn(
                  org.rhizome.graph.api.RefusalReason.GAP_IN_SEQ,
                  org.rhizome.graph.api.RefusalReason.MISSING_DEPENDENCY);
          retry.add(pending.get(i));
        }
      }
      pending = retry;
    }
    assertThat(pending).as("changes never applied").isEmpty();
  }
}
