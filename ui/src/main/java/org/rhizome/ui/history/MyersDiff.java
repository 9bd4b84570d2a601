package org.rhizome.ui.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shortest edit script between two sequences of tokens (ints, equal when the tokens are equal),
 * by Myers' O(ND) greedy algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986),
 * after trimming the common prefix and suffix. Each round d keeps only the part of the frontier it
 * can reach (2d + 1 entries), so the trace costs O(D²) memory. Past {@value #MAX_EDITS} edits — two
 * texts with little in common — it gives up on the shortest script and answers "replace everything
 * between the common prefix and suffix", which is what a reader would see there anyway.
 *
 * <p>Stateless and thread-safe.
 */
final class MyersDiff {
  static final int MAX_EDITS = 3000;

  private MyersDiff() {}

  enum Kind {
    EQUAL,
    DELETE,
    INSERT
  }

  /**
   * A run of one kind: tokens {@code [aFrom, aTo)} of a and {@code [bFrom, bTo)} of b (one side
   * empty unless EQUAL).
   */
  record Edit(Kind kind, int aFrom, int aTo, int bFrom, int bTo) {}

  static List<Edit> diff(int[] a, int[] b) {
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix
        && suffix < b.length - prefix
        && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
      suffix++;
    }
    int n = a.length - prefix - suffix;
    int m = b.length - prefix - suffix;
    List<Kind> steps = middle(a, b, prefix, n, m);
    List<Edit> out = new ArrayList<>();
    add(out, Kind.EQUAL, 0, 0, prefix);
    int x = prefix;
    int y = prefix;
    for (Kind k : steps) {
      add(out, k, x, y, 1);
      if (k != Kind.INSERT) {
        x++;
      }
      if (k != Kind.DELETE) {
        y++;
      }
    }
    add(out, Kind.EQUAL, x, y, suffix);
    return out;
  }

  /**
   * Appends {@code count} steps of {@code kind} starting at (x, y), merging with the previous run.
   */
  private static void add(List<Edit> out, Kind kind, int x, int y, int count) {
    if (count == 0) {
      return;
    }
    int aTo = kind == Kind.INSERT ? x : x + count;
    int bTo = kind == Kind.DELETE ? y : y + count;
    if (!out.isEmpty()) {
      Edit last = out.get(out.size() - 1);
      if (last.kind() == kind && last.aTo() == x && last.bTo() == y) {
        out.set(out.size() - 1, new Edit(kind, last.aFrom(), aTo, last.bFrom(), bTo));
        return;
      }
    }
    out.add(new Edit(kind, x, aTo, y, bTo));
  }

  /** The steps that turn a[off, off+n) into b[off, off+m), in order. */
  private static List<Kind> middle(int[] a, int[] b, int off, int n, int m) {
    if (n == 0 || m == 0) {
      return replaceAll(n, m);
    }
    List<Kind> steps = new ArrayList<>();
    int max = n + m;
    int[] v = new int[2 * max + 2];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= Math.min(max, MAX_EDITS) && found < 0; d++) {
      // The frontier as it was before round d, for k in [-d, d].
      trace.add(Arrays.copyOfRange(v, max - d, max + d + 1));
      for (int k = -d; k <= d; k += 2) {
        int x =
            k == -d || (k != d && v[max + k - 1] < v[max + k + 1])
                ? v[max + k + 1]
                : v[max + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[off + x] == b[off + y]) {
          x++;
          y++;
        }
        v[max + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    if (found < 0) {
      return replaceAll(n, m);
    }
    int x = n;
    int y = m;
    List<Kind> reversed = new ArrayList<>();
    for (int d = found; d >= 0; d--) {
      int[] before = trace.get(d);
      int k = x - y;
      int prevK =
          k == -d || (k != d && at(before, d, k - 1) < at(before, d, k + 1)) ? k + 1 : k - 1;
      int prevX = d == 0 ? 0 : at(before, d, prevK);
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(Kind.EQUAL);
        x--;
        y--;
      }
      if (d > 0) {
        reversed.add(x == prevX ? Kind.INSERT : Kind.DELETE);
      }
      x = prevX;
      y = prevY;
    }
    for (int i = reversed.size() - 1; i >= 0; i--) {
      steps.add(reversed.get(i));
    }
    return steps;
  }

  private static int at(int[] before, int d, int k) {
    return before[k + d];
  }

  private static List<Kind> replaceAll(int n, int m) {
    List<Kind> steps = new ArrayList<>(n + m);
    for (int i = 0; i < n; i++) {
      steps.add(Kind.DELETE);
    }
    for (int j = 0; j < m; j++) {
      steps.add(Kind.INSERT);
    }
    return steps;
  }
}
