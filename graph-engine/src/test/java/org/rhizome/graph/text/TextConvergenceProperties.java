package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.rhizome.graph.model.ActorId;

/**
 * CRDT laws: replicas converge whatever the causal delivery order and redeliveries; runs never
 * interleave.
 */
class TextConvergenceProperties {

  @Property(tries = 300, seed = "20261124")
  void replicasConvergeWhateverTheDeliveryOrder(
      @ForAll long seed,
      @ForAll @IntRange(min = 3, max = 5) int n,
      @ForAll @IntRange(min = 1, max = 200) int steps,
      @ForAll boolean hotSpots)
      throws TextException {
    checkConvergence(seed, n, steps, hotSpots);
  }

  /**
   * Random edits and deliveries on {@code n} replicas, then everything to everyone: all must agree.
   */
  static void checkConvergence(long seed, int n, int steps, boolean hotSpots) throws TextException {
    Random random = new Random(seed);
    EditScript script = new EditScript(seed ^ 0x5DEECE66DL, hotSpots);
    Network net = new Network(n, random);
    for (int i = 0; i < steps; i++) {
      if (random.nextInt(3) == 0) {
        net.edit(random.nextInt(n), script);
      } else {
        net.deliverRandom();
      }
    }
    net.deliverAll();
    TextDocument first = net.replicas.get(0);
    byte[] snapshot = TextSnapshotCodec.encode(first);
    for (TextDocument d : net.replicas) {
      assertThat(d.text()).isEqualTo(first.text());
      assertThat(d.version()).isEqualTo(first.version());
      assertThat(TextSnapshotCodec.encode(d)).isEqualTo(snapshot);
    }
  }

  @Property(tries = 120, seed = "20261124")
  void concurrentRunsTypedAtOnePlaceNeverInterleave(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int n,
      @ForAll @IntRange(min = 0, max = 20) int baseEdits)
      throws TextException {
    Random random = new Random(seed);
    EditScript script = new EditScript(seed);
    TextDocument base = new TextDocument();
    List<TextOp> baseOps = new ArrayList<>();
    for (int i = 0; i < baseEdits; i++) {
      Splice s = script.next(base.length());
      baseOps.addAll(base.splice(Actors.of(100), s.position(), s.deleteCount(), s.text()));
    }
    int at = random.nextInt(base.length() + 1);
    List<TextDocument> replicas = new ArrayList<>();
    List<List<TextOp>> typed = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      TextDocument d = new TextDocument();
      for (TextOp op : baseOps) {
        d.apply(op);
      }
      ActorId actor = Actors.of(r + 1);
      String letter = new String(Character.toChars(r % 2 == 0 ? 'A' + r : 0x1F600 + r));
      int len = 2 + random.nextInt(6);
      boolean backwards = random.nextBoolean();
      List<TextOp> ops = new ArrayList<>();
      for (int k = 0; k < len; k++) {
        ops.addAll(d.splice(actor, backwards ? at : at + k, 0, letter));
      }
      replicas.add(d);
      typed.add(ops);
      words.add(letter.repeat(len));
    }
    for (int r = 0; r < n; r++) {
      for (int o = 0; o < n; o++) {
        if (o != r) {
          for (TextOp op : typed.get(o)) {
            replicas.get(r).apply(op);
          }
        }
      }
    }
    String text = replicas.get(0).text();
    for (TextDocument d : replicas) {
      assertThat(d.text()).isEqualTo(text);
    }
    for (String w : words) {
      assertThat(text).contains(w);
    }
  }
}
