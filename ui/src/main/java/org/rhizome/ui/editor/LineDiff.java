package org.rhizome.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * Myers' O((N+M)·D) diff over two lists of lines (each a {start, end} range of its text): the
 * changed runs ("hunks") between the common lines. Gives up beyond {@code maxEdits} inserted or
 * deleted lines and returns one hunk covering everything. Pure.
 */
final class LineDiff {
  private LineDiff() {}

  /** Hunks as {oldFrom, oldTo, newFrom, newTo}, line indexes into {@code a} and {@code b}, exclusive ends. */
  static List<int[]> hunks(String ta, List<int[]> a, String tb, List<int[]> b, int maxEdits) {
    int n = a.size();
    int m = b.size();
    if (n == 0 || m == 0) {
      return n == 0 && m == 0 ? List.of() : List.<int[]>of(new int[] {0, n, 0, m});
    }
    int[] hashA = hashes(ta, a);
    int[] hashB = hashes(tb, b);
    int max = Math.min(n + m, maxEdits);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && hashA[x] == hashB[y] && TextDiff.sameLine(ta, a.get(x), tb, b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    if (found < 0) {
      return List.<int[]>of(new int[] {0, n, 0, m});
    }
    // Walk back from (n, m) through the V arrays each round started with; diagonal moves are kept lines.
    boolean[] keptA = new boolean[n];
    boolean[] keptB = new boolean[m];
    int x = n;
    int y = m;
    for (int d = found; d >= 0; d--) {
      int[] prev = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1])) ? k + 1 : k - 1;
      int prevX = prev[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY && x > 0 && y > 0) {
        keptA[x - 1] = true;
        keptB[y - 1] = true;
        x--;
        y--;
      }
      if (d > 0) {
        x = prevX;
        y = prevY;
      }
    }
    List<int[]> hunks = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && keptA[i] && keptB[j]) {
        i++;
        j++;
        continue;
      }
      int fromI = i;
      int fromJ = j;
      while (i < n && !keptA[i]) {
        i++;
      }
      while (j < m && !keptB[j]) {
        j++;
      }
      hunks.add(new int[] {fromI, i, fromJ, j});
    }
    return hunks;
  }

  private static int[] hashes(String text, List<int[]> lines) {
    int[] h = new int[lines.size()];
    for (int i = 0; i < h.length; i++) {
      int[] l = lines.get(i);
      int hash = 1;
      for (int c = l[0]; c < l[1]; c++) {
        hash = 31 * hash + text.charAt(c);
      }
      h[i] = hash;
    }
    return h;
  }
}
