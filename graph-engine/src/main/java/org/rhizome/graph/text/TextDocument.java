package org.rhizome.graph.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;

/**
 * One replica of a text: a sequence CRDT over Unicode code points with run-length encoded items.
 *
 * <p>Local edits enter as {@link #splice splices} and come back as ops to ship; remote ops are
 * merged with {@link #apply}. Replicas that applied the same set of ops hold the same text,
 * whatever the order (as long as each op came after the ops it refers to) and however often an op
 * was delivered. Concurrent inserts at one place are ordered as in YjsMod/Fugue: a run typed by one
 * actor is never interleaved with another's. See {@code docs/text-crdt.md}.
 *
 * <p>Not thread-safe: confine a document to one thread. Costs: a splice or a remote op is O(log
 * runs + runs per leaf) when it does not race other inserts at the same place.
 */
public final class TextDocument {
  final AgentTable agents = new AgentTable();
  final RunSequence runs = new RunSequence(agents);
  private final RunPlacement placement = new RunPlacement(agents, runs);
  // TextId objects of recent origins, reused so that typing allocates one id per key.
  private long lastRight = AgentTable.NONE;
  private @Nullable TextId lastRightId;
  private long lastInsertEnd = AgentTable.NONE;
  private @Nullable TextId lastInsertEndId;

  /**
   * Where the visible effects of every edit go, when someone (the store's editor feed) wants them.
   */
  private @Nullable List<Splice> effects;

  /** An empty document. */
  public TextDocument() {}

  /**
   * From now on, appends the visible effect of every local splice and merged op to {@code sink} (as
   * {@link #applyForEditor} describes them); null stops it. Effects in the sink follow each other:
   * each is relative to the text the ones before it left.
   */
  public void recordEffects(@Nullable List<Splice> sink) {
    this.effects = sink;
  }

  /** The number of code points in the text. O(log runs). */
  public int length() {
    return runs.visible();
  }

  /** The current text. O(length). */
  public String text() {
    StringBuilder sb = new StringBuilder(length() + 16);
    for (int li = 0; li < runs.leafCount(); li++) {
      Leaf l = runs.leafAt(li);
      for (int i = 0; i < l.size; i++) {
        if (!l.deleted[i]) {
          int[] c = agents.contentArray(AgentTable.agentOf(l.id[i]));
          int s = AgentTable.seqOf(l.id[i]);
          for (int k = s, end = s + l.len[i]; k < end; k++) {
            sb.appendCodePoint(c[k]);
          }
        }
      }
    }
    return sb.toString();
  }

  /** For each actor, how many of its events (counters) this document holds. */
  public TextVersion version() {
    Map<ActorId, Long> m = new TreeMap<>();
    for (int a = 0; a < agents.size(); a++) {
      if (agents.next(a) > 0) {
        m.put(agents.actor(a), agents.next(a));
      }
    }
    return TextVersion.of(m);
  }

  /** The next counter {@code actor} will use in this document (0 when it has made no events). */
  public long nextSeq(ActorId actor) {
    int a = agents.find(actor);
    return a < 0 ? 0 : agents.next(a);
  }

  /**
   * Applies a local edit by {@code actor}: deletes {@code deleteCount} code points at {@code
   * position}, then inserts {@code insert} there. Returns the ops to ship (deletes first, then at
   * most one insert; empty when the splice changes nothing).
   *
   * @throws IllegalArgumentException if the range lies outside the text or {@code insert} has a
   *     lone surrogate; the document is then unchanged
   */
  public List<TextOp> splice(ActorId actor, int position, int deleteCount, String insert) {
    int len = length();
    if (position < 0 || deleteCount < 0 || position > len || deleteCount > len - position) {
      throw new IllegalArgumentException(
          "splice (" + position + ", " + deleteCount + ") outside a text of " + len);
    }
    int n = CodePoints.countWellFormed(insert);
    int agent = agents.intern(actor);
    if (agents.next(agent) + deleteCount + n - 1 > TextId.MAX_SEQ) {
      throw new IllegalArgumentException("actor " + actor + " ran out of text counters");
    }
    if (effects != null && (deleteCount > 0 || n > 0)) {
      effects.add(new Splice(position, deleteCount, insert));
    }
    if (deleteCount == 0 && n > 0) {
      return List.of(insertLocal(actor, agent, position, insert, n));
    }
    List<TextOp> ops = new ArrayList<>(2);
    if (deleteCount > 0) {
      deleteLocal(actor, agent, position, deleteCount, ops);
    }
    if (n > 0) {
      ops.add(insertLocal(actor, agent, position, insert, n));
    }
    return ops;
  }

  /**
   * Makes the text equal to {@code target} with the splices of a shortest edit ({@link
   * SpliceTransform#diff}), so characters both hold keep their ids and an open editor's caret stays
   * put: how an old version is restored as one new change, or a whole-text update taken. Returns
   * its ops (empty when the text already equals {@code target}). O((length + target) ×
   * differences), bounded.
   *
   * @throws IllegalArgumentException if {@code target} has a lone surrogate
   */
  public List<TextOp> replaceWith(ActorId actor, String target) {
    CodePoints.countWellFormed(target);
    return splice(actor, SpliceTransform.diff(text(), target));
  }

  /**
   * Applies each splice in order, as one batch; returns their ops joined as {@link TextOpLog} joins
   * them (typing a word is one insert op).
   *
   * @throws IllegalArgumentException if any splice lies outside the text it would meet or has a
   *     lone surrogate; all are checked first, so the document is then unchanged
   */
  public List<TextOp> splice(ActorId actor, List<Splice> splices) {
    long len = length();
    long events = 0;
    for (Splice s : splices) {
      int n = CodePoints.countWellFormed(s.text());
      if (s.position() > len || s.deleteCount() > len - s.position()) {
        throw new IllegalArgumentException(
            "splice " + s + " outside a text of " + len + "; nothing applied");
      }
      len += n - s.deleteCount();
      events += n + s.deleteCount();
    }
    if (nextSeq(actor) + events - 1 > TextId.MAX_SEQ) {
      throw new IllegalArgumentException(
          "actor " + actor + " would run out of text counters; nothing applied");
    }
    TextOpLog log = new TextOpLog();
    for (Splice s : splices) {
      log.addAll(splice(actor, s.position(), s.deleteCount(), s.text()));
    }
    return log.ops();
  }

  private InsertOp insertLocal(ActorId actor, int agent, int position, String insert, int n) {
    long seq = agents.next(agent);
    if (n == 1) {
      agents.storeCodePoint(agent, seq, insert.codePointAt(0));
    } else {
      agents.storeContent(agent, seq, CodePoints.of(insert), 0, n);
    }
    long left;
    long right;
    if (position == 0) {
      left = AgentTable.NONE;
      right = placement.firstId();
    } else {
      runs.locateVisible(position - 1);
      Leaf l = runs.leafAt(runs.leaf);
      left = l.id[runs.run] + runs.off;
      right = runs.off < l.len[runs.run] - 1 ? left + 1 : runs.idAfterRun(runs.leaf, runs.run);
    }
    placement.insertBetweenAdjacent(agent, seq, n, left, right);
    agents.setNext(agent, seq + n);
    TextId leftId = left != AgentTable.NONE && left == lastInsertEnd ? lastInsertEndId : idOf(left);
    TextId id = new TextId(actor, seq);
    // Typing on: the next insert's left origin is this one's last character, often this very id.
    lastInsertEnd = AgentTable.pack(agent, seq + n - 1);
    lastInsertEndId = n == 1 ? id : new TextId(actor, seq + n - 1);
    return new InsertOp(id, leftId, rightIdOf(right), insert);
  }

  private void deleteLocal(ActorId actor, int agent, int position, int count, List<TextOp> ops) {
    int remaining = count;
    long pendingTarget = AgentTable.NONE;
    int pendingLen = 0;
    while (remaining > 0) {
      runs.locateVisible(position);
      Leaf l = runs.leafAt(runs.leaf);
      int k = Math.min(l.len[runs.run] - runs.off, remaining);
      long target = l.id[runs.run] + runs.off;
      runs.deleteWithinRun(target, k);
      if (pendingLen > 0
          && pendingTarget + pendingLen == target
          && AgentTable.agentOf(pendingTarget) == AgentTable.agentOf(target)) {
        pendingLen += k;
      } else {
        if (pendingLen > 0) {
          ops.add(emitDelete(actor, agent, pendingTarget, pendingLen));
        }
        pendingTarget = target;
        pendingLen = k;
      }
      remaining -= k;
    }
    ops.add(emitDelete(actor, agent, pendingTarget, pendingLen));
  }

  private DeleteOp emitDelete(ActorId actor, int agent, long target, int n) {
    long seq = agents.next(agent);
    agents.setNext(agent, seq + n);
    return new DeleteOp(new TextId(actor, seq), idOf(target), n);
  }

  /** Like {@link #idOf}, reusing the last right origin's object: typing keeps the same one. */
  private @Nullable TextId rightIdOf(long packed) {
    if (packed != lastRight) {
      lastRight = packed;
      lastRightId = idOf(packed);
    }
    return lastRightId;
  }

  private @Nullable TextId idOf(long packed) {
    if (packed == AgentTable.NONE) {
      return null;
    }
    return new TextId(agents.actor(AgentTable.agentOf(packed)), AgentTable.seqOf(packed));
  }

  /**
   * Merges a remote (or replayed) op. Returns false, changing nothing, when the op is already held.
   * An op partly held (a joined op whose first events arrived on their own) merges its unheld rest:
   * every event of an op stands on its own.
   *
   * @throws MissingTextDependencyException if the op comes before its actor's earlier events or
   *     refers to characters not held yet; nothing changes
   * @throws InvalidTextOpException if the op can never apply here; nothing changes
   */
  public boolean apply(TextOp op) throws MissingTextDependencyException, InvalidTextOpException {
    return apply(op, effects);
  }

  /**
   * Merges {@code op} like {@link #apply} and returns what it did to the visible text, as splices
   * an editor can replay on its own copy (each relative to the text after the ones before it): one
   * insert, or one delete per visible stretch removed; empty for a duplicate or a delete of text
   * already gone.
   *
   * @throws MissingTextDependencyException as {@link #apply}; nothing changes
   * @throws InvalidTextOpException as {@link #apply}; nothing changes
   */
  public List<Splice> applyForEditor(TextOp op)
      throws MissingTextDependencyException, InvalidTextOpException {
    List<Splice> out = new ArrayList<>(1);
    apply(op, out);
    if (effects != null) {
      effects.addAll(out);
    }
    return out;
  }

  /**
   * Applies splices that were made on an earlier state of this text, {@code base} (a replica
   * holding a causal subset of what this one holds), where each landed: every insert goes between
   * the characters it was typed between there, every delete removes the characters it removed
   * there, and whatever this replica holds beyond {@code base} (others' concurrent edits) stays.
   * The edit is made on {@code base} (which it changes), then its ops are renumbered to follow
   * {@code actor}'s events here and merged as a remote op would be. Returns the ops to ship.
   *
   * @throws IllegalArgumentException if a splice lies outside the text it would meet in {@code
   *     base} or {@code base} holds events this document lacks; this document is then unchanged
   */
  public List<TextOp> spliceOnto(ActorId actor, TextDocument base, List<Splice> splices) {
    for (int a = 0; a < base.agents.size(); a++) {
      ActorId who = base.agents.actor(a);
      if (base.agents.next(a) > nextSeq(who)) {
        throw new IllegalArgumentException(
            "the base version holds events of " + who + " that this text lacks");
      }
    }
    long baseNext = base.nextSeq(actor);
    long shift = nextSeq(actor) - baseNext;
    List<TextOp> made = base.splice(actor, splices);
    List<TextOp> out = new ArrayList<>(made.size());
    for (TextOp op : made) {
      TextOp moved;
      if (op instanceof InsertOp ins) {
        moved =
            new InsertOp(
                shifted(ins.id(), actor, baseNext, shift),
                shiftedOrNull(ins.originLeft(), actor, baseNext, shift),
                shiftedOrNull(ins.originRight(), actor, baseNext, shift),
                ins.text());
      } else {
        DeleteOp del = (DeleteOp) op;
        moved =
            new DeleteOp(
                shifted(del.id(), actor, baseNext, shift),
                shifted(del.target(), actor, baseNext, shift),
                del.length());
      }
      try {
        apply(moved);
      } catch (TextException e) {
        throw new IllegalStateException("a rebased op does not apply: " + e.getMessage(), e);
      }
      out.add(moved);
    }
    return out;
  }

  private static TextId shifted(TextId id, ActorId actor, long from, long shift) {
    return id.actor().equals(actor) && id.seq() >= from ? new TextId(actor, id.seq() + shift) : id;
  }

  private static @Nullable TextId shiftedOrNull(
      @Nullable TextId id, ActorId actor, long from, long shift) {
    return id == null ? null : shifted(id, actor, from, shift);
  }

  private boolean apply(TextOp op, @Nullable List<Splice> effects)
      throws MissingTextDependencyException, InvalidTextOpException {
    TextId id = op.id();
    int n = op.length();
    int known = agents.find(id.actor());
    long next = known < 0 ? 0 : agents.next(known);
    if (id.seq() + n <= next) {
      return false;
    }
    if (id.seq() < next) {
      return apply(TextOps.suffix(op, (int) (next - id.seq())), effects);
    }
    if (id.seq() > next) {
      throw new MissingTextDependencyException(
          "op " + id + " comes after a gap: next expected seq " + next);
    }
    if (op instanceof InsertOp ins) {
      long left = resolveChar(ins.originLeft());
      long right = resolveChar(ins.originRight());
      boolean adjacent = placement.isAdjacent(left, right);
      if (!adjacent
          && left != AgentTable.NONE
          && right != AgentTable.NONE
          && runs.keyOfLeft(left) >= runs.keyOfRight(right)) {
        throw new InvalidTextOpException(
            "op " + id + ": right origin is not after its left origin");
      }
      int agent = agents.intern(id.actor());
      int[] cps = CodePoints.of(ins.text());
      agents.storeContent(agent, id.seq(), cps, 0, cps.length);
      if (adjacent) {
        placement.insertBetweenAdjacent(agent, id.seq(), cps.length, left, right);
      } else {
        placement.integrate(agent, id.seq(), cps.length, left, right);
      }
      agents.setNext(agent, id.seq() + n);
      if (effects != null) {
        effects.add(
            new Splice(runs.visiblePositionOf(AgentTable.pack(agent, id.seq())), 0, ins.text()));
      }
    } else if (op instanceof DeleteOp del) {
      long target = resolveRange(del.target(), n);
      int agent = agents.intern(id.actor());
      deleteRemote(target, n, effects);
      agents.setNext(agent, id.seq() + n);
    }
    return true;
  }

  private long resolveChar(@Nullable TextId ref)
      throws MissingTextDependencyException, InvalidTextOpException {
    if (ref == null) {
      return AgentTable.NONE;
    }
    return resolveRange(ref, 1);
  }

  /** The packed id of {@code n} held characters from {@code ref}, checking every one of them. */
  private long resolveRange(TextId ref, int n)
      throws MissingTextDependencyException, InvalidTextOpException {
    int a = agents.find(ref.actor());
    if (a < 0 || ref.seq() + n > agents.next(a)) {
      throw new MissingTextDependencyException("refers to " + ref + " (+" + n + "), not held yet");
    }
    int s = (int) ref.seq();
    for (int k = s; k < s + n; k++) {
      if (agents.leafOf(a, k) == AgentTable.NO_LEAF) {
        throw new InvalidTextOpException(
            "refers to " + new TextId(ref.actor(), k) + ", which is not a character");
      }
    }
    return AgentTable.pack(a, ref.seq());
  }

  private void deleteRemote(long target, int n, @Nullable List<Splice> effects) {
    long id = target;
    long end = target + n;
    while (id < end) {
      runs.locateId(id);
      Leaf l = runs.leafAt(runs.leaf);
      int k = (int) Math.min(l.len[runs.run] - runs.off, end - id);
      if (!l.deleted[runs.run]) {
        if (effects != null) {
          effects.add(new Splice(runs.visiblePositionOf(id), k, ""));
        }
        runs.deleteWithinRun(id, k);
      }
      id += k;
    }
  }
}
