package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.ActorId;

/**
 * Joining ops in a {@link TextOpLog} keeps every event: replays and history give the same texts.
 */
class TextOpLogProperties {
  private static final ActorId A = Actors.of(1);

  @Test
  void typingAWordOneKeyAtATimeIsOneOp() {
    TextDocument d = new TextDocument();
    TextOpLog log = new TextOpLog();
    for (int i = 0; i < 5; i++) {
      log.addAll(d.splice(A, i, 0, "abcde".substring(i, i + 1)));
    }
    assertThat(log.ops()).containsExactly(new InsertOp(new TextId(A, 0), null, null, "abcde"));
    assertThat(log.events()).isEqualTo(5);
  }

  @Test
  void aBatchOfSplicesIsJoined() {
    TextDocument d = new TextDocument();
    List<TextOp> ops =
        d.splice(
            A,
            List.of(
                new Splice(0, 0, "he"),
                new Splice(2, 0, "llo"),
                new Splice(1, 1, ""),
                new Splice(1, 1, "")));
    assertThat(d.text()).isEqualTo("hlo");
    assertThat(ops).hasSize(2);
    assertThat(ops.get(1)).isEqualTo(new DeleteOp(new TextId(A, 5), new TextId(A, 1), 2));
  }

  private static TextDocument replay(List<TextOp> ops) throws TextException {
    TextDocument d = new TextDocument();
    for (TextOp op : ops) {
      d.apply(op);
    }
    return d;
  }

  @Test
  void aBatchWithABadSpliceChangesNothing() {
    TextDocument d = new TextDocument();
    d.splice(A, 0, 0, "abc");
    List<Splice> batch =
        List.of(new Splice(3, 0, "de"), new Splice(0, 1, ""), new Splice(5, 0, "x"));
    assertThatThrownBy(() -> d.splice(A, batch)).isInstanceOf(IllegalArgumentException.class);
    assertThat(d.text()).isEqualTo("abc");
    assertThat(d.nextSeq(A)).isEqualTo(3);
  }

  @Property(tries = 60, seed = "20261124")
  void joinedLogsReplayAndRebuildHistoryLikeTheOpsThemselves(@ForAll long seed)
      throws TextException {
    Random random = new Random(seed);
    EditScript script = new EditScript(seed);
    Network net = new Network(3, random);
    List<TextVersion> versions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      if (random.nextInt(4) == 0) {
        net.deliverRandom();
      } else {
        net.edit(random.nextInt(3), script);
      }
      versions.add(net.replicas.get(1).version());
      texts.add(net.replicas.get(1).text());
    }
    TextOpLog log = new TextOpLog();
    List<TextOp> raw = new ArrayList<>();
    net.log.forEach(
        s -> {
          log.add(s.op());
          raw.add(s.op());
        });
    List<TextOp> joined = log.ops();
    assertThat(joined.size()).isLessThanOrEqualTo(raw.size());
    assertThat(TextSnapshotCodec.encode(replay(joined)))
        .isEqualTo(TextSnapshotCodec.encode(replay(raw)));
    for (int i = 0; i < versions.size(); i++) {
      assertThat(TextHistory.textAt(joined, versions.get(i))).isEqualTo(texts.get(i));
    }
  }
}
