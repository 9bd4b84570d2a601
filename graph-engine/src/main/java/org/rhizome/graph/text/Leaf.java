package org.rhizome.graph.text;

/**
 * A chunk of up to {@link #CAPACITY} consecutive runs in document order, as parallel primitive
 * arrays. A run is {@code len[i]} characters with the packed ids {@code id[i] ..}; its first
 * character's left origin is {@code left[i]}, every later one's is the character before it; all
 * share the right origin {@code right[i]}. {@link AgentTable#NONE} is the document's start (left)
 * or end (right).
 */
final class Leaf {
  static final int CAPACITY = 64;

  final long[] id = new long[CAPACITY];
  final int[] len = new int[CAPACITY];
  final long[] left = new long[CAPACITY];
  final long[] right = new long[CAPACITY];
  final boolean[] deleted = new boolean[CAPACITY];

  /** Runs in use. */
  int size;

  /** Characters not deleted. */
  int visible;

  /** This leaf's place in the document; renumbered when a leaf is added before it. */
  int index;

  /** Stable name of this leaf, what {@link AgentTable#leafOf} stores. */
  final int number;

  Leaf(int number) {
    this.number = number;
  }

  boolean isFull() {
    return size == CAPACITY;
  }

  long lastId(int run) {
    return id[run] + len[run] - 1;
  }

  /** Characters (deleted or not) before run {@code run}. */
  int charsBefore(int run) {
    int n = 0;
    for (int i = 0; i < run; i++) {
      n += len[i];
    }
    return n;
  }

  void set(int i, long runId, int runLen, long runLeft, long runRight, boolean runDeleted) {
    id[i] = runId;
    len[i] = runLen;
    left[i] = runLeft;
    right[i] = runRight;
    deleted[i] = runDeleted;
  }

  /** Opens a hole at {@code i} (the caller fills it). */
  void shiftRight(int i) {
    int n = size - i;
    System.arraycopy(id, i, id, i + 1, n);
    System.arraycopy(len, i, len, i + 1, n);
    System.arraycopy(left, i, left, i + 1, n);
    System.arraycopy(right, i, right, i + 1, n);
    System.arraycopy(deleted, i, deleted, i + 1, n);
    size++;
  }

  void remove(int i) {
    int n = size - i - 1;
    System.arraycopy(id, i + 1, id, i, n);
    System.arraycopy(len, i + 1, len, i, n);
    System.arraycopy(left, i + 1, left, i, n);
    System.arraycopy(right, i + 1, right, i, n);
    System.arraycopy(deleted, i + 1, deleted, i, n);
    size--;
  }

  /** Moves runs {@code from..size-1} to the empty leaf {@code to}. */
  void moveTail(int from, Leaf to) {
    int n = size - from;
    System.arraycopy(id, from, to.id, 0, n);
    System.arraycopy(len, from, to.len, 0, n);
    System.arraycopy(left, from, to.left, 0, n);
    System.arraycopy(right, from, to.right, 0, n);
    System.arraycopy(deleted, from, to.deleted, 0, n);
    to.size = n;
    int moved = 0;
    for (int i = 0; i < n; i++) {
      if (!to.deleted[i]) {
        moved += to.len[i];
      }
    }
    to.visible = moved;
    visible -= moved;
    size = from;
  }

  /** True when run {@code i + 1} continues run {@code i} exactly, so the two can be one run. */
  boolean canMerge(int i) {
    int j = i + 1;
    return j < size
        && deleted[i] == deleted[j]
        && id[i] + len[i] == id[j]
        && AgentTable.agentOf(id[i]) == AgentTable.agentOf(id[j])
        && left[j] == id[j] - 1
        && right[j] == right[i];
  }
}
