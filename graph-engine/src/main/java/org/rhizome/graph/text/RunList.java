package org.rhizome.graph.text;

/**
 * A flat copy of a document's runs in document order, with runs that continue each other joined.
 */
final class RunList {
  long[] id;
  int[] len;
  long[] left;
  long[] right;
  boolean[] deleted;
  int size;

  private RunList(int capacity) {
    id = new long[capacity];
    len = new int[capacity];
    left = new long[capacity];
    right = new long[capacity];
    deleted = new boolean[capacity];
  }

  static RunList canonical(RunSequence seq) {
    int total = 0;
    for (int li = 0; li < seq.leafCount(); li++) {
      total += seq.leafAt(li).size;
    }
    RunList out = new RunList(Math.max(1, total));
    for (int li = 0; li < seq.leafCount(); li++) {
      Leaf l = seq.leafAt(li);
      for (int i = 0; i < l.size; i++) {
        int p = out.size - 1;
        if (p >= 0
            && out.deleted[p] == l.deleted[i]
            && out.id[p] + out.len[p] == l.id[i]
            && AgentTable.agentOf(out.id[p]) == AgentTable.agentOf(l.id[i])
            && l.left[i] == l.id[i] - 1
            && l.right[i] == out.right[p]) {
          out.len[p] += l.len[i];
        } else {
          out.id[out.size] = l.id[i];
          out.len[out.size] = l.len[i];
          out.left[out.size] = l.left[i];
          out.right[out.size] = l.right[i];
          out.deleted[out.size] = l.deleted[i];
          out.size++;
        }
      }
    }
    return out;
  }
}
