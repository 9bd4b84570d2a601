package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated group of replicas: local edits, and delivery of any op whose causal past the receiver
 * already holds, in random order, with redeliveries. All randomness comes from the given Random.
 */
final class Network {
  /** An op with the author's version just before it: what a receiver must hold first. */
  record Sent(TextOp op, TextVersion before) {}

  final List<TextDocument> replicas = new ArrayList<>();
  final List<Sent> log = new ArrayList<>();
  private final Random random;

  Network(int n, Random random) {
    this.random = random;
    for (int i = 0; i < n; i++) {
      replicas.add(new TextDocument());
    }
  }

  void edit(int replica, EditScript script) {
    TextDocument d = replicas.get(replica);
    Splice s = script.next(d.length());
    List<TextOp> ops = d.splice(Actors.of(replica + 1), s.position(), s.deleteCount(), s.text());
    TextVersion v = d.version();
    // Ops of one splice are made in sequence; each one's "before" is the version minus itself and
    // later ones.
    for (int i = ops.size() - 1; i >= 0; i--) {
      TextOp op = ops.get(i);
      v = v.with(op.id().actor(), op.id().seq());
      log.add(log.size() - (ops.size() - 1 - i), new Sent(op, v));
    }
  }

  static boolean isReady(TextDocument d, Sent s) {
    TextVersion have = d.version();
    for (Map.Entry<org.rhizome.graph.model.ActorId, Long> e : s.before().asMap().entrySet()) {
      if (have.get(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Offers one random op to one random replica, even one whose causal past is not all there: the
   * replica may merge it when it holds what the op refers to, and must otherwise refuse it
   * unchanged.
   */
  void deliverRandom() throws TextException {
    if (log.isEmpty()) {
      return;
    }
    TextDocument d = replicas.get(random.nextInt(replicas.size()));
    Sent s = log.get(random.nextInt(log.size()));
    boolean held = d.version().includes(s.op().id());
    if (held) {
      assertThat(d.apply(s.op())).isFalse();
      return;
    }
    boolean ready = isReady(d, s);
    byte[] before = TextSnapshotCodec.encode(d);
    try {
      assertThat(d.apply(s.op())).isTrue();
    } catch (TextException e) {
      // Only an op whose causal past is missing may be refused, and refusing changes nothing.
      assertThat(ready).as("refused a causally ready op: %s", e.getMessage()).isFalse();
      assertThat(e).isInstanceOf(MissingTextDependencyException.class);
      assertThat(TextSnapshotCodec.encode(d)).isEqualTo(before);
    }
  }

  /** Delivers everything to everyone, each replica in its own random causal order. */
  void deliverAll() throws TextException {
    for (TextDocument d : replicas) {
      List<Sent> pending = new ArrayList<>(log);
      while (!pending.isEmpty()) {
        int i = random.nextInt(pending.size());
        Sent s = pending.get(i);
        if (d.version().includes(s.op().id())) {
          d.apply(s.op());
          pending.remove(i);
        } else if (isReady(d, s)) {
          d.apply(s.op());
          if (random.nextInt(5) == 0) {
            assertThat(d.apply(s.op())).isFalse();
          }
          pending.remove(i);
        }
      }
    }
  }
}
