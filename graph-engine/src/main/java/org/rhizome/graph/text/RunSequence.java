package org.rhizome.graph.text;

import java.util.Arrays;

/**
 * All runs of a document, in document order, as a list of {@link Leaf leaves} with a Fenwick tree
 * over the leaves' visible lengths: finding the leaf that holds a visible position costs O(log
 * leaves), and finding a character by id costs one array read ({@link AgentTable#leafOf}) and a
 * scan of one leaf. Locating sets the cursor fields {@link #leaf}, {@link #run} and {@link #off}
 * instead of allocating.
 */
final class RunSequence {
  /** Runs per leaf after loading a snapshot. */
  static final int LOAD_FILL = Leaf.CAPACITY * 3 / 4;

  private final AgentTable agents;
  private Leaf[] leaves = new Leaf[8];
  private int leafCount;
  private Leaf[] byNumber = new Leaf[8];
  private int[] fenwick = new int[9];

  /** Cursor: leaf index, run index in that leaf, offset in that run. */
  int leaf;

  int run;
  int off;

  RunSequence(AgentTable agents) {
    this.agents = agents;
    appendLeaf();
  }

  Leaf leafAt(int index) {
    return leaves[index];
  }

  int leafCount() {
    return leafCount;
  }

  int visible() {
    return fenwickPrefix(leafCount);
  }

  /**
   * The visible position of the character {@code id}, which must be held: the number of visible
   * characters before it. O(log leaves + runs per leaf).
   */
  int visiblePositionOf(long id) {
    locateId(id);
    Leaf l = leaves[leaf];
    int p = fenwickPrefix(leaf);
    for (int i = 0; i < run; i++) {
      if (!l.deleted[i]) {
        p += l.len[i];
      }
    }
    return l.deleted[run] ? p : p + off;
  }

  private void appendLeaf() {
    insertLeaf(leafCount, false);
  }

  private Leaf insertLeaf(int index) {
    return insertLeaf(index, true);
  }

  private Leaf insertLeaf(int index, boolean rebuild) {
    if (leafCount == leaves.length) {
      leaves = Arrays.copyOf(leaves, leafCount * 2);
    }
    int number = leafCount;
    if (number == byNumber.length) {
      byNumber = Arrays.copyOf(byNumber, number * 2);
    }
    Leaf l = new Leaf(number);
    byNumber[number] = l;
    System.arraycopy(leaves, index, leaves, index + 1, leafCount - index);
    leaves[index] = l;
    leafCount++;
    for (int i = index; i < leafCount; i++) {
      leaves[i].index = i;
    }
    if (rebuild) {
      rebuildFenwick();
    }
    return l;
  }

  /**
   * Appends a run while loading a snapshot, leaving leaves {@link #LOAD_FILL} full so that edits
   * have room; {@link #finishLoad} must follow the last one. Returns the leaf that took the run.
   */
  Leaf appendForLoad(long id, int len, long left, long right, boolean deleted) {
    Leaf l = leaves[leafCount - 1];
    if (l.size >= LOAD_FILL) {
      appendLeaf();
      l = leaves[leafCount - 1];
    }
    l.set(l.size++, id, len, left, right, deleted);
    if (!deleted) {
      l.visible += len;
    }
    agents.setLeaf(AgentTable.agentOf(id), AgentTable.seqOf(id), len, l.number);
    return l;
  }

  void finishLoad() {
    rebuildFenwick();
  }

  private void rebuildFenwick() {
    if (fenwick.length < leafCount + 1) {
      fenwick = new int[leaves.length + 1];
    } else {
      Arrays.fill(fenwick, 0);
    }
    for (int i = 1; i <= leafCount; i++) {
      fenwick[i] += leaves[i - 1].visible;
      int j = i + (i & -i);
      if (j <= leafCount) {
        fenwick[j] += fenwick[i];
      }
    }
  }

  private void addVisible(Leaf l, int delta) {
    l.visible += delta;
    for (int i = l.index + 1; i <= leafCount; i += i & -i) {
      fenwick[i] += delta;
    }
  }

  private int fenwickPrefix(int n) {
    int s = 0;
    for (int i = n; i > 0; i -= i & -i) {
      s += fenwick[i];
    }
    return s;
  }

  /** Points the cursor at the visible character {@code p} (0 ≤ p < visible()). */
  void locateVisible(int p) {
    int pos = 0;
    int rem = p;
    for (int step = Integer.highestOneBit(leafCount); step > 0; step >>= 1) {
      int nxt = pos + step;
      if (nxt <= leafCount && fenwick[nxt] <= rem) {
        pos = nxt;
        rem -= fenwick[nxt];
      }
    }
    Leaf l = leaves[pos];
    for (int i = 0; i < l.size; i++) {
      if (!l.deleted[i]) {
        if (rem < l.len[i]) {
          leaf = pos;
          run = i;
          off = rem;
          return;
        }
        rem -= l.len[i];
      }
    }
    throw new IllegalStateException("visible position " + p + " not found");
  }

  /** Points the cursor at the character with packed id {@code id}, which must be held. */
  void locateId(long id) {
    int agent = AgentTable.agentOf(id);
    int number = agents.leafOf(agent, AgentTable.seqOf(id));
    Leaf l = byNumber[number];
    for (int i = 0; i < l.size; i++) {
      long start = l.id[i];
      if (id >= start && id < start + l.len[i]) {
        leaf = l.index;
        run = i;
        off = (int) (id - start);
        return;
      }
    }
    throw new IllegalStateException("id " + id + " not in its leaf");
  }

  /** The document-order key of the cursor: comparable between any two characters. */
  long cursorKey() {
    Leaf l = leaves[leaf];
    return ((long) leaf << 32) | (l.charsBefore(run) + off);
  }

  /** The document-order key of the character {@code id}; -1 for NONE (the start). */
  long keyOfLeft(long id) {
    if (id == AgentTable.NONE) {
      return -1;
    }
    locateId(id);
    return cursorKey();
  }

  /** The document-order key of the character {@code id}; Long.MAX_VALUE for NONE (the end). */
  long keyOfRight(long id) {
    if (id == AgentTable.NONE) {
      return Long.MAX_VALUE;
    }
    locateId(id);
    return cursorKey();
  }

  /** The id of the first character after run {@code r} of leaf {@code li}, or NONE at the end. */
  long idAfterRun(int li, int r) {
    Leaf l = leaves[li];
    if (r + 1 < l.size) {
      return l.id[r + 1];
    }
    for (int i = li + 1; i < leafCount; i++) {
      if (leaves[i].size > 0) {
        return leaves[i].id[0];
      }
    }
    return AgentTable.NONE;
  }

  /**
   * Moves the cursor one run on (offset 0); returns false at the end of the document. Empty leaves
   * are skipped.
   */
  boolean advanceRun() {
    run++;
    off = 0;
    while (run >= leaves[leaf].size) {
      if (leaf + 1 >= leafCount) {
        return false;
      }
      leaf++;
      run = 0;
    }
    return true;
  }

  /** Inserts a run at index {@code r} of leaf {@code li}, splitting the leaf if full. */
  void insertRun(
      int li, int r, long id, int len, long left, long right, boolean deleted, boolean indexIds) {
    Leaf l = leaves[li];
    if (l.isFull()) {
      int half = Leaf.CAPACITY / 2;
      Leaf tail = insertLeaf(li + 1);
      l.moveTail(half, tail);
      for (int i = 0; i < tail.size; i++) {
        agents.setLeaf(
            AgentTable.agentOf(tail.id[i]), AgentTable.seqOf(tail.id[i]), tail.len[i], tail.number);
      }
      rebuildFenwick();
      if (r > half) {
        l = tail;
        r -= half;
      }
    }
    l.shiftRight(r);
    l.set(r, id, len, left, right, deleted);
    if (indexIds) {
      agents.setLeaf(AgentTable.agentOf(id), AgentTable.seqOf(id), len, l.number);
    }
    if (!deleted) {
      addVisible(l, len);
    }
  }

  /**
   * Splits run {@code r} of leaf {@code li} so that its part from offset {@code k} is its own run.
   */
  void splitRun(int li, int r, int k) {
    Leaf l = leaves[li];
    long id = l.id[r];
    int rest = l.len[r] - k;
    l.len[r] = k;
    if (!l.deleted[r]) {
      addVisible(l, -rest);
    }
    insertRun(li, r + 1, id + k, rest, id + k - 1, l.right[r], l.deleted[r], l.isFull());
  }

  /** Grows run {@code r} of leaf {@code li} by {@code n} characters continuing it. */
  void extendRun(int li, int r, int n) {
    Leaf l = leaves[li];
    long end = l.id[r] + l.len[r];
    l.len[r] += n;
    agents.setLeaf(AgentTable.agentOf(end), AgentTable.seqOf(end), n, l.number);
    if (!l.deleted[r]) {
      addVisible(l, n);
    }
  }

  /**
   * Marks the {@code n} characters from packed id {@code id} (all within one run, all visible) as
   * deleted, splitting the run as needed and merging the result with deleted neighbours.
   */
  void deleteWithinRun(long id, int n) {
    locateId(id);
    if (off > 0) {
      splitRun(leaf, run, off);
      locateId(id);
    }
    if (n < leaves[leaf].len[run]) {
      splitRun(leaf, run, n);
      locateId(id);
    }
    Leaf l = leaves[leaf];
    l.deleted[run] = true;
    addVisible(l, -n);
    if (l.canMerge(run)) {
      mergeNext(l, run);
    }
    if (run > 0 && l.canMerge(run - 1)) {
      mergeNext(l, run - 1);
    }
  }

  private static void mergeNext(Leaf l, int r) {
    l.len[r] += l.len[r + 1];
    l.remove(r + 1);
  }
}
