package org.rhizome.graph.text;

import java.util.BitSet;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.encoding.ByteReader;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.ActorId;

/**
 * Reads the body of a {@link TextSnapshotCodec} snapshot into a new document, checking it as it
 * goes.
 */
final class SnapshotReader {
  private static final int RIGHT_NEXT = 1;
  private static final int RIGHT_EXPLICIT = 2;

  private SnapshotReader() {}

  /**
   * @param externalText the visible text when the snapshot was written without it (kept beside it
   *     by the store), or null when the snapshot ends with its text
   */
  static TextDocument read(ByteReader r, @Nullable String externalText) throws DecodeException {
    TextDocument doc = new TextDocument();
    AgentTable agents = doc.agents;
    RunSequence seq = doc.runs;
    int nActors = (int) r.readVarint("actor count", 0, TextSnapshotCodec.MAX_ACTORS);
    if ((long) nActors * (ActorId.LENGTH + 1) > r.remaining()) {
      throw new DecodeException("truncated actor table");
    }
    long events = 0;
    ActorId prev = null;
    for (int i = 0; i < nActors; i++) {
      ActorId actor = ActorId.of(r.readBytes(ActorId.LENGTH, "actor"));
      if (prev != null && prev.compareTo(actor) >= 0) {
        throw new DecodeException("actors not strictly ascending at " + i);
      }
      prev = actor;
      long next = r.readVarint("next seq", 1, TextId.MAX_SEQ + 1);
      events += next;
      if (events > TextSnapshotCodec.MAX_EVENTS) {
        throw new DecodeException("more than " + TextSnapshotCodec.MAX_EVENTS + " events");
      }
      agents.add(actor, (int) next);
      agents.setNext(i, next);
    }
    // Characters placed so far, per actor: overlap checks a word at a time.
    BitSet[] held = new BitSet[nActors];
    for (int i = 0; i < nActors; i++) {
      held[i] = new BitSet((int) agents.next(i));
    }
    long nRuns = r.readVarint("run count", 0, Integer.MAX_VALUE);
    if (nRuns > r.remaining() / 2) {
      throw new DecodeException(
          "run count " + nRuns + " exceeds what " + r.remaining() + " bytes can hold");
    }
    long[] lastEnd = new long[nActors];
    int prevAgent = -1;
    long prevId = AgentTable.NONE;
    int prevLen = 0;
    long prevRight = AgentTable.NONE;
    boolean prevRightIsNext = false;
    Leaf prevLeaf = null;
    int prevIndex = 0;
    long visible = 0;
    // Explicit origins are checked once every run is in place: leaf number, run index, origin.
    long[] checks = new long[16];
    int nChecks = 0;
    for (long i = 0; i < nRuns; i++) {
      long head = r.readVarint("run head");
      boolean deleted = (head & 1) != 0;
      boolean newAgent = (head & 2) != 0;
      boolean explicitLeft = (head & 4) != 0;
      int rightMode = (int) (head >>> 3) & 3;
      long len = (head >>> 5) + 1;
      if (rightMode > RIGHT_EXPLICIT || len > TextId.MAX_SEQ + 1) {
        throw new DecodeException("bad run head " + head);
      }
      int agent = prevAgent;
      if (newAgent) {
        agent = (int) r.readVarint("run actor", 0, nActors - 1L);
        if (agent == prevAgent) {
          throw new DecodeException("run " + i + " repeats the previous actor");
        }
      } else if (agent < 0) {
        throw new DecodeException("first run names no actor");
      }
      long s = lastEnd[agent] + TextSnapshotCodec.unzigzag(r.readVarint("run seq"));
      if (s < 0 || s + len > agents.next(agent)) {
        throw new DecodeException(
            "run " + i + " seq " + s + " (+" + len + ") outside its actor's events");
      }
      long id = AgentTable.pack(agent, s);
      long implicitLeft = prevId == AgentTable.NONE ? AgentTable.NONE : prevId + prevLen - 1;
      long left = implicitLeft;
      if (explicitLeft) {
        left = readRef(r, s, nActors, agents);
        if (left == implicitLeft) {
          throw new DecodeException("run " + i + " spells out its implicit left origin");
        }
      }
      long right = AgentTable.NONE;
      if (rightMode == RIGHT_EXPLICIT) {
        int ra = (int) r.readVarint("right actor", 0, nActors - 1L);
        right = checkedId(ra, s + TextSnapshotCodec.unzigzag(r.readVarint("right seq")), agents);
      }
      if (prevRightIsNext) {
        prevLeaf.right[prevIndex] = id;
        prevRight = id;
      } else if (prevLeaf != null && prevRight == id) {
        throw new DecodeException("run " + (i - 1) + " spells out its implicit right origin");
      }
      int clash = held[agent].nextSetBit((int) s);
      if (clash >= 0 && clash < s + len) {
        throw new DecodeException(
            "run " + i + " repeats character " + clash + " of actor " + agent);
      }
      held[agent].set((int) s, (int) (s + len));
      Leaf leaf = seq.appendForLoad(id, (int) len, left, right, deleted);
      int index = leaf.size - 1;
      if (explicitLeft && left != AgentTable.NONE || rightMode == RIGHT_EXPLICIT) {
        if (nChecks + 2 > checks.length) {
          checks = java.util.Arrays.copyOf(checks, checks.length * 2);
        }
        checks[nChecks++] = ((long) leaf.number << 32) | index;
        checks[nChecks++] = (explicitLeft ? 1 : 0) | (rightMode == RIGHT_EXPLICIT ? 2 : 0);
      }
      if (!deleted) {
        visible += len;
      }
      lastEnd[agent] = s + len;
      prevAgent = agent;
      prevId = id;
      prevLen = (int) len;
      prevRight = right;
      prevRightIsNext = rightMode == RIGHT_NEXT;
      prevLeaf = leaf;
      prevIndex = index;
    }
    if (prevRightIsNext) {
      throw new DecodeException("the last run's right origin is a next run");
    }
    String text = externalText != null ? externalText : r.readString("text", r.remaining());
    r.expectEnd("text snapshot");
    if (text.codePointCount(0, text.length()) != visible) {
      throw new DecodeException(
          "text has " + text.codePointCount(0, text.length()) + " code points, runs " + visible);
    }
    seq.finishLoad();
    checkJoined(seq);
    fillText(doc, text);
    checkOrigins(seq, checks, nChecks, agents);
    return doc;
  }

  private static long readRef(ByteReader r, long runSeq, int nActors, AgentTable agents)
      throws DecodeException {
    long a = r.readVarint("left actor", 0, nActors);
    if (a == 0) {
      return AgentTable.NONE;
    }
    return checkedId(
        (int) a - 1, runSeq + TextSnapshotCodec.unzigzag(r.readVarint("left seq")), agents);
  }

  private static long checkedId(int agent, long s, AgentTable agents) throws DecodeException {
    if (s < 0 || s >= agents.next(agent)) {
      throw new DecodeException("origin seq " + s + " outside its actor's events");
    }
    return AgentTable.pack(agent, s);
  }

  private static void fillText(TextDocument doc, String text) {
    int[] cps = CodePoints.of(text);
    int at = 0;
    RunSequence seq = doc.runs;
    for (int li = 0; li < seq.leafCount(); li++) {
      Leaf l = seq.leafAt(li);
      for (int i = 0; i < l.size; i++) {
        if (!l.deleted[i]) {
          doc.agents.storeContent(
              AgentTable.agentOf(l.id[i]), AgentTable.seqOf(l.id[i]), cps, at, l.len[i]);
          at += l.len[i];
        }
      }
    }
  }

  /** Canonical form: no run continues the one before it (across leaves too). */
  private static void checkJoined(RunSequence seq) throws DecodeException {
    Leaf p = null;
    int pi = 0;
    for (int li = 0; li < seq.leafCount(); li++) {
      Leaf l = seq.leafAt(li);
      for (int i = 0; i < l.size; i++) {
        if (p != null
            && p.deleted[pi] == l.deleted[i]
            && p.id[pi] + p.len[pi] == l.id[i]
            && AgentTable.agentOf(p.id[pi]) == AgentTable.agentOf(l.id[i])
            && l.left[i] == l.id[i] - 1
            && l.right[i] == p.right[pi]) {
          throw new DecodeException("a run continues the one before it");
        }
        p = l;
        pi = i;
      }
    }
  }

  /**
   * Every explicit origin must be a held character, left of the run's first / right of its last.
   */
  private static void checkOrigins(RunSequence seq, long[] checks, int n, AgentTable agents)
      throws DecodeException {
    for (int c = 0; c < n; c += 2) {
      // Right after loading, leaves are numbered in document order.
      Leaf l = seq.leafAt((int) (checks[c] >>> 32));
      int index = (int) checks[c];
      long first = ((long) l.index << 32) | l.charsBefore(index);
      long last = first + l.len[index] - 1;
      if ((checks[c + 1] & 1) != 0
          && l.left[index] != AgentTable.NONE
          && (!held(l.left[index], agents) || seq.keyOfLeft(l.left[index]) >= first)) {
        throw new DecodeException("a run's left origin is not a character before it");
      }
      if ((checks[c + 1] & 2) != 0
          && (!held(l.right[index], agents) || seq.keyOfRight(l.right[index]) <= last)) {
        throw new DecodeException("a run's right origin is not a character after it");
      }
    }
  }

  private static boolean held(long id, AgentTable agents) {
    return agents.leafOf(AgentTable.agentOf(id), AgentTable.seqOf(id)) != AgentTable.NO_LEAF;
  }
}
