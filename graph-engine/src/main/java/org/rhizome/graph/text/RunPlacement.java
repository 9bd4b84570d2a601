package org.rhizome.graph.text;

import org.rhizome.graph.model.ActorId;

/**
 * Where a new run goes in a {@link RunSequence}: straight between adjacent origins, or by the
 * YjsMod scan when concurrent inserts compete for the spot. Mutates the sequence; no checks (the
 * caller has resolved and validated the origins).
 */
final class RunPlacement {
  private final AgentTable agents;
  private final RunSequence runs;

  RunPlacement(AgentTable agents, RunSequence runs) {
    this.agents = agents;
    this.runs = runs;
  }

  /**
   * Places a new run between {@code left} and {@code right}, which are adjacent (nothing, not even
   * a deleted character, lies between them): no concurrent insert can compete for the spot.
   */
  void insertBetweenAdjacent(int agent, long seq, int n, long left, long right) {
    if (left == AgentTable.NONE) {
      runs.insertRun(0, 0, AgentTable.pack(agent, seq), n, left, right, false, true);
      return;
    }
    runs.locateId(left);
    if (runs.off < runs.leafAt(runs.leaf).len[runs.run] - 1) {
      runs.splitRun(runs.leaf, runs.run, runs.off + 1);
      runs.locateId(left);
    }
    insertAfterCursorRun(agent, seq, n, left, right);
  }

  /** True when {@code right} is the character right after {@code left} (NONE: start, end). */
  boolean isAdjacent(long left, long right) {
    if (left == AgentTable.NONE) {
      return right == firstId();
    }
    runs.locateId(left);
    Leaf l = runs.leafAt(runs.leaf);
    long next = runs.off < l.len[runs.run] - 1 ? left + 1 : runs.idAfterRun(runs.leaf, runs.run);
    return next == right;
  }

  long firstId() {
    for (int i = 0; i < runs.leafCount(); i++) {
      if (runs.leafAt(i).size > 0) {
        return runs.leafAt(i).id[0];
      }
    }
    return AgentTable.NONE;
  }

  /** Puts a new run right after the cursor's run (whose last character is {@code left}). */
  private void insertAfterCursorRun(int agent, long seq, int n, long left, long right) {
    Leaf l = runs.leafAt(runs.leaf);
    int r = runs.run;
    long packed = AgentTable.pack(agent, seq);
    if (!l.deleted[r]
        && l.id[r] + l.len[r] == packed
        && l.right[r] == right
        && l.lastId(r) == left) {
      runs.extendRun(runs.leaf, r, n);
    } else {
      runs.insertRun(runs.leaf, r + 1, packed, n, left, right, false, true);
    }
  }

  /**
   * Places a run whose origins are {@code left} and {@code right} (YjsMod, as in Seph Gentle's
   * reference-crdts {@code integrateYjsMod}, over runs): scan the items between the origins; an
   * item whose own left origin lies before ours ends the scan; among items with our left origin,
   * ones with a right origin before ours are skipped over tentatively ("scanning"), and ties go to
   * the actor with the smaller id first.
   */
  void integrate(int agent, long seq, int n, long left, long right) {
    long leftKey = runs.keyOfLeft(left);
    long rightKey = runs.keyOfRight(right);
    ActorId actor = agents.actor(agent);
    // Start at the character after left.
    boolean atEnd;
    if (left == AgentTable.NONE) {
      runs.leaf = 0;
      runs.run = -1;
      atEnd = !runs.advanceRun();
    } else {
      runs.locateId(left);
      if (runs.off + 1 < runs.leafAt(runs.leaf).len[runs.run]) {
        runs.off++;
        atEnd = false;
      } else {
        atEnd = !runs.advanceRun();
      }
    }
    int destLeaf = runs.leaf;
    int destRun = runs.run;
    int destOff = runs.off;
    boolean destAtEnd = atEnd;
    boolean scanning = false;
    while (true) {
      if (!scanning) {
        destLeaf = runs.leaf;
        destRun = runs.run;
        destOff = runs.off;
        destAtEnd = atEnd;
      }
      if (atEnd) {
        break;
      }
      long curKey = runs.cursorKey();
      if (curKey == rightKey) {
        break;
      }
      int cl = runs.leaf;
      int cr = runs.run;
      int co = runs.off;
      Leaf l = runs.leafAt(cl);
      int segLen = l.len[cr] - co;
      long otherLeft = co == 0 ? l.left[cr] : l.id[cr] + co - 1;
      long otherRight = l.right[cr];
      int otherAgent = AgentTable.agentOf(l.id[cr]);
      long oleft = runs.keyOfLeft(otherLeft);
      if (oleft < leftKey) {
        break;
      }
      if (oleft == leftKey) {
        long oright = runs.keyOfRight(otherRight);
        if (oright < rightKey) {
          scanning = true;
        } else if (oright == rightKey) {
          if (actor.compareTo(agents.actor(otherAgent)) < 0) {
            break;
          }
          scanning = false;
        } else {
          scanning = false;
        }
      }
      // The segment's later characters each have the one before as left origin: they never end the
      // scan, but the right origin may lie inside the segment.
      if (rightKey > curKey && rightKey < curKey + segLen) {
        if (!scanning) {
          destLeaf = cl;
          destRun = cr;
          destOff = co + (int) (rightKey - curKey);
          destAtEnd = false;
        }
        break;
      }
      runs.leaf = cl;
      runs.run = cr;
      runs.off = co;
      atEnd = !runs.advanceRun();
    }
    placeRun(agent, seq, n, left, right, destLeaf, destRun, destOff, destAtEnd);
  }

  /** Inserts the new run before the character at (leaf, run, off), or at the end. */
  private void placeRun(
      int agent, long seq, int n, long left, long right, int li, int r, int off, boolean atEnd) {
    long packed = AgentTable.pack(agent, seq);
    if (atEnd) {
      int last = runs.leafCount() - 1;
      while (last > 0 && runs.leafAt(last).size == 0) {
        last--;
      }
      Leaf l = runs.leafAt(last);
      if (l.size == 0) {
        runs.insertRun(last, 0, packed, n, left, right, false, true);
        return;
      }
      runs.leaf = last;
      runs.run = l.size - 1;
      insertAfterCursorRun(agent, seq, n, left, right);
      return;
    }
    if (off > 0) {
      Leaf l = runs.leafAt(li);
      long before = l.id[r] + off - 1;
      runs.splitRun(li, r, off);
      runs.locateId(before);
      insertAfterCursorRun(agent, seq, n, left, right);
      return;
    }
    if (r > 0) {
      runs.leaf = li;
      runs.run = r - 1;
      insertAfterCursorRun(agent, seq, n, left, right);
      return;
    }
    int prev = li - 1;
    while (prev >= 0 && runs.leafAt(prev).size == 0) {
      prev--;
    }
    if (prev >= 0) {
      runs.leaf = prev;
      runs.run = runs.leafAt(prev).size - 1;
      insertAfterCursorRun(agent, seq, n, left, right);
    } else {
      runs.insertRun(li, 0, packed, n, left, right, false, true);
    }
  }
}
