package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * encode → decode is the identity, the encodings are canonical, and a loaded snapshot keeps
 * merging.
 */
class TextCodecProperties {

  private static Network history(long seed, int replicas, int steps) throws TextException {
    Random random = new Random(seed);
    EditScript script = new EditScript(seed + 1);
    Network net = new Network(replicas, random);
    for (int i = 0; i < steps; i++) {
      if (random.nextInt(3) == 0) {
        net.deliverRandom();
      } else {
        net.edit(random.nextInt(replicas), script);
      }
    }
    return net;
  }

  @Property(tries = 60, seed = "20261124")
  void opBatchesRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int steps)
      throws TextException {
    Network net = history(seed, 3, steps);
    List<TextOp> ops = new ArrayList<>();
    net.log.forEach(s -> ops.add(s.op()));
    if (ops.isEmpty()) {
      return;
    }
    Random random = new Random(seed);
    int from = 0;
    while (from < ops.size()) {
      int to = Math.min(ops.size(), from + 1 + random.nextInt(6));
      List<TextOp> batch = ops.subList(from, to);
      byte[] bytes = TextOpCodec.encode(batch);
      List<TextOp> decoded = TextOpCodec.decode(bytes);
      assertThat(decoded).isEqualTo(batch);
      assertThat(TextOpCodec.encode(decoded)).isEqualTo(bytes);
      org.rhizome.graph.model.ActorId author = batch.get(0).id().actor();
      if (batch.stream().allMatch(op -> op.id().actor().equals(author))) {
        byte[] authored = TextOpCodec.encodeBy(author, batch);
        assertThat(TextOpCodec.decodeBy(author, authored)).isEqualTo(batch);
        assertThat(TextOpCodec.encodeBy(author, TextOpCodec.decodeBy(author, authored)))
            .isEqualTo(authored);
      }
      from = to;
    }
  }

  @Property(tries = 60, seed = "20261124")
  void snapshotsRoundTripAndKeepMerging(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int steps, @ForAll boolean compress)
      throws TextException {
    Network net = history(seed, 3, steps);
    TextDocument doc = net.replicas.get(0);
    byte[] bytes = TextSnapshotCodec.encode(doc, compress);
    TextDocument loaded = TextSnapshotCodec.decode(bytes);
    assertThat(loaded.text()).isEqualTo(doc.text());
    assertThat(loaded.version()).isEqualTo(doc.version());
    assertThat(TextSnapshotCodec.encode(loaded, compress)).isEqualTo(bytes);
    // The loaded copy takes the place of replica 0, edits on, and must converge with the others.
    net.replicas.set(0, loaded);
    EditScript script = new EditScript(seed + 2);
    for (int i = 0; i < 5; i++) {
      net.edit(0, script);
    }
    net.deliverAll();
    byte[] first = TextSnapshotCodec.encode(net.replicas.get(0));
    for (TextDocument d : net.replicas) {
      assertThat(d.text()).isEqualTo(net.replicas.get(0).text());
      assertThat(TextSnapshotCodec.encode(d)).isEqualTo(first);
    }
  }
}
