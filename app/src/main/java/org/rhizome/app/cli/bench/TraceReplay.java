package org.rhizome.app.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextException;
import org.rhizome.graph.text.TextOp;
import org.rhizome.graph.text.TextOpLog;

/**
 * Replays an editing trace through the text CRDT. A sequential trace is typed into one replica. In
 * a concurrent trace each agent edits its own replica; before an agent's txn, its replica merges
 * the ops of the txn's causal past it lacks (so it stands exactly at the txn's parents), and at the
 * end every replica merges everything. Either way the result is the document and its ops in a
 * causal order, kept in a {@link TextOpLog} as the change log would keep them (typing runs joined).
 */
final class TraceReplay {
  /**
   * The replayed document, every op in a causal order, and the other replicas (concurrent traces).
   */
  record Outcome(TextDocument document, List<TextOp> ops, List<TextDocument> replicas) {}

  private TraceReplay() {}

  static ActorId agentActor(int agent) {
    byte[] b = new byte[ActorId.LENGTH];
    b[0] = (byte) (agent >>> 8);
    b[1] = (byte) agent;
    b[31] = 1;
    return ActorId.of(b);
  }

  static Outcome replay(TraceFile trace) throws TextException, TraceMismatchException {
    return trace.concurrent() ? replayConcurrent(trace) : replaySequential(trace);
  }

  private static Outcome replaySequential(TraceFile trace) {
    ActorId actor = agentActor(0);
    TextDocument doc = new TextDocument();
    TextOpLog log = new TextOpLog();
    if (!trace.startContent().isEmpty()) {
      log.addAll(doc.splice(actor, 0, 0, trace.startContent()));
    }
    for (TraceFile.Txn t : trace.txns()) {
      for (Splice s : t.patches()) {
        log.addAll(doc.splice(actor, s.position(), s.deleteCount(), s.text()));
      }
    }
    return new Outcome(doc, log.ops(), List.of(doc));
  }

  private static Outcome replayConcurrent(TraceFile trace)
      throws TextException, TraceMismatchException {
    List<TraceFile.Txn> txns = trace.txns();
    int n = txns.size();
    int agents = trace.agents();
    List<List<TextOp>> txnOps = new ArrayList<>(n);
    TextDocument[] replicas = new TextDocument[agents];
    boolean[][] has = new boolean[agents][n];
    List<List<Integer>> heads = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      replicas[a] = new TextDocument();
      heads.add(new ArrayList<>());
    }
    List<TextOp> startOps =
        trace.startContent().isEmpty()
            ? List.of()
            : replicas[0].splice(agentActor(0), 0, 0, trace.startContent());
    for (int a = 1; a < agents; a++) {
      for (TextOp op : startOps) {
        replicas[a].apply(op);
      }
    }
    int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    int[] stack = new int[n];
    for (int i = 0; i < n; i++) {
      TraceFile.Txn t = txns.get(i);
      int a = t.agent();
      // The txn's causal past that replica a lacks; a must hold nothing outside that past.
      List<Integer> missing = new ArrayList<>();
      int sp = 0;
      for (int p : t.parents()) {
        stack[sp++] = p;
      }
      int reachedHeads = 0;
      while (sp > 0) {
        int x = stack[--sp];
        if (stamp[x] == i) {
          continue;
        }
        stamp[x] = i;
        if (has[a][x]) {
          if (heads.get(a).contains(x)) {
            reachedHeads++;
          }
          continue;
        }
        missing.add(x);
        for (int p : txns.get(x).parents()) {
          stack[sp++] = p;
        }
      }
      if (reachedHeads != heads.get(a).size()) {
        throw new TraceMismatchException(
            "txn "
                + i
                + " of agent "
                + a
                + " does not follow that agent's replica;"
                + " replaying it would need an older checkout");
      }
      missing.sort(null);
      for (int x : missing) {
        for (TextOp op : txnOps.get(x)) {
          replicas[a].apply(op);
        }
        markHeld(a, x, txns.get(x), has, heads);
      }
      List<TextOp> ops = new ArrayList<>();
      for (Splice s : t.patches()) {
        ops.addAll(replicas[a].splice(agentActor(a), s.position(), s.deleteCount(), s.text()));
      }
      txnOps.add(ops);
      markHeld(a, i, t, has, heads);
    }
    for (int a = 0; a < agents; a++) {
      for (int x = 0; x < n; x++) {
        if (!has[a][x]) {
          for (TextOp op : txnOps.get(x)) {
            replicas[a].apply(op);
          }
        }
      }
    }
    TextOpLog all = new TextOpLog();
    all.addAll(startOps);
    txnOps.forEach(all::addAll);
    return new Outcome(replicas[0], all.ops(), List.of(replicas));
  }

  private static void markHeld(
      int a, int x, TraceFile.Txn t, boolean[][] has, List<List<Integer>> heads) {
    has[a][x] = true;
    for (int p : t.parents()) {
      heads.get(a).remove(Integer.valueOf(p));
    }
    heads.get(a).add(x);
  }

  /** Merges {@code ops} into an empty replica. */
  static TextDocument merge(List<TextOp> ops) throws TextException {
    TextDocument doc = new TextDocument();
    for (TextOp op : ops) {
      doc.apply(op);
    }
    return doc;
  }
}
