package org.rhizome.graph.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves an editor's splices past edits that the engine applied first, and those edits past the
 * editor's: the rebase that lets an editor type against the text it shows while other writers'
 * edits land in the engine meanwhile (Jupiter-style, with the engine as the one place that orders
 * edits).
 *
 * <p>Splices are sequences: each is relative to the text the ones before it left. Internally each
 * is cut into a delete then an insert. Where both sides insert at one position, the engine's edit
 * (the one applied first) goes left and the editor's right, so a caret at that spot stays after the
 * text that came in and the editor's word is never split. A delete never removes text the other
 * side inserted inside its range: the range is cut around it (a character typed into a stretch
 * someone else deleted survives, as the text CRDT keeps it). The same function runs in the engine
 * and in the editor, so both get the same text (transformation property TP1, property-tested).
 *
 * <p>Pure; O(|local| × |remote|).
 */
public final class SpliceTransform {
  private SpliceTransform() {}

  /** {@code local} and {@code remote}, both made on one text, each moved past the other. */
  public record Result(List<Splice> local, List<Splice> remote) {}

  /**
   * Both sides transformed: {@code local'} applies after {@code remote}, {@code remote'} after
   * {@code local}, and either order gives one text.
   */
  public static Result transform(List<Splice> local, List<Splice> remote) {
    Pair p = fold(prims(local), prims(remote));
    return new Result(splices(p.a), splices(p.b));
  }

  /** {@code local}, made on the text before {@code remote}, as it applies after it. */
  public static List<Splice> rebase(List<Splice> local, List<Splice> remote) {
    return transform(local, remote).local();
  }

  /**
   * Where a position (a caret) moves when {@code edits} apply: an insert at the position itself
   * pushes it right, as it would the editor's next keystroke; inside a deleted range it goes to the
   * range's start.
   */
  public static int map(int position, List<Splice> edits) {
    int p = position;
    for (Splice s : edits) {
      if (s.deleteCount() > 0) {
        if (p >= s.position() + s.deleteCount()) {
          p -= s.deleteCount();
        } else if (p > s.position()) {
          p = s.position();
        }
      }
      if (!s.text().isEmpty() && p >= s.position()) {
        p += s.text().codePointCount(0, s.text().length());
      }
    }
    return p;
  }

  /**
   * Applies splices (code point positions) to a string: a reference for tests and the editor model.
   */
  public static String apply(String text, List<Splice> splices) {
    StringBuilder sb = new StringBuilder(text);
    for (Splice s : splices) {
      int from = sb.offsetByCodePoints(0, s.position());
      int to = sb.offsetByCodePoints(from, s.deleteCount());
      sb.replace(from, to, s.text());
    }
    return sb.toString();
  }

  /**
   * Past this many differing code points, {@link #diff} gives one coarse splice instead of
   * searching on.
   */
  static final int MAX_DIFF = 1024;

  /**
   * Bound on the search's work, (n + m) × differences: a huge text with many changes gets the
   * coarse splice.
   */
  static final long MAX_DIFF_WORK = 50_000_000L;

  /**
   * Splices (code points, in order) that turn {@code before} into {@code after}: a shortest edit
   * (Myers' O(ND) greedy search) over the code points between the common prefix and suffix, so what
   * both texts hold stays untouched; over {@link #MAX_DIFF} differences, the differing middle as
   * one delete-and-insert. Empty when equal.
   */
  public static List<Splice> diff(String before, String after) {
    int[] a = before.codePoints().toArray();
    int[] b = after.codePoints().toArray();
    int prefix = 0;
    int max = Math.min(a.length, b.length);
    while (prefix < max && a[prefix] == b[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
      suffix++;
    }
    int n = a.length - prefix - suffix;
    int m = b.length - prefix - suffix;
    if (n == 0 && m == 0) {
      return List.of();
    }
    List<int[]> script = n > 0 && m > 0 ? myers(a, prefix, n, b, prefix, m) : null;
    if (script == null) {
      return List.of(new Splice(prefix, n, new String(b, prefix, m)));
    }
    // script: matched pairs (i, j) in the middle, in order; the gaps between them are the edits.
    List<Splice> out = new ArrayList<>();
    int shift = 0; // inserted minus deleted so far
    int ai = 0;
    int bj = 0;
    script.add(new int[] {n, m});
    for (int[] match : script) {
      int del = match[0] - ai;
      int ins = match[1] - bj;
      if (del > 0 || ins > 0) {
        out.add(new Splice(prefix + ai + shift, del, new String(b, prefix + bj, ins)));
        shift += ins - del;
      }
      ai = match[0] + 1;
      bj = match[1] + 1;
    }
    return out;
  }

  /**
   * The matched positions of a shortest edit of a[ao..ao+n) into b[bo..bo+m), or null past
   * MAX_DIFF.
   */
  private static List<int[]> myers(int[] a, int ao, int n, int[] b, int bo, int m) {
    int maxD = (int) Math.min(Math.min(n + m, MAX_DIFF), MAX_DIFF_WORK / (n + m));
    int offset = maxD + 1;
    int[] v = new int[2 * maxD + 3];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= maxD; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a[ao + x] == b[bo + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          return backtrack(trace, offset, a, ao, b, bo, n, m, d);
        }
      }
    }
    return null;
  }

  private static List<int[]> backtrack(
      List<int[]> trace, int offset, int[] a, int ao, int[] b, int bo, int n, int m, int dEnd) {
    java.util.ArrayDeque<int[]> matches = new java.util.ArrayDeque<>();
    int x = n;
    int y = m;
    for (int d = dEnd; d > 0; d--) {
      int[] v = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1;
      int prevX = v[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
        matches.addFirst(new int[] {x, y});
      }
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      matches.addFirst(new int[] {x, y});
    }
    return new ArrayList<>(matches);
  }

  // ---- primitives: an insert (text != null) or a delete (len code points)

  private record Prim(int pos, int len, String text) {
    boolean isInsert() {
      return text != null;
    }

    Prim at(int p) {
      return new Prim(p, len, text);
    }

    static Prim ins(int pos, String text) {
      return new Prim(pos, text.codePointCount(0, text.length()), text);
    }

    static Prim del(int pos, int len) {
      return new Prim(pos, len, null);
    }
  }

  private record Pair(List<Prim> a, List<Prim> b) {}

  private static List<Prim> prims(List<Splice> splices) {
    List<Prim> out = new ArrayList<>(splices.size());
    for (Splice s : splices) {
      if (s.deleteCount() > 0) {
        out.add(Prim.del(s.position(), s.deleteCount()));
      }
      if (!s.text().isEmpty()) {
        out.add(Prim.ins(s.position(), s.text()));
      }
    }
    return out;
  }

  private static List<Splice> splices(List<Prim> prims) {
    List<Splice> out = new ArrayList<>(prims.size());
    for (Prim p : prims) {
      out.add(p.isInsert() ? new Splice(p.pos, 0, p.text) : new Splice(p.pos, p.len, ""));
    }
    return out;
  }

  /** Folds over {@code remote}: the local side passes each remote primitive in turn. */
  private static Pair fold(List<Prim> local, List<Prim> remote) {
    List<Prim> curLocal = local;
    List<Prim> outRemote = new ArrayList<>(remote.size());
    for (Prim r : remote) {
      Pair p = localsPastOne(curLocal, r);
      curLocal = p.a;
      outRemote.addAll(p.b);
    }
    return new Pair(curLocal, outRemote);
  }

  /** Local primitives past one remote one (which may be cut by them). */
  private static Pair localsPastOne(List<Prim> local, Prim remote) {
    List<Prim> curRemote = List.of(remote);
    List<Prim> outLocal = new ArrayList<>(local.size());
    for (Prim l : local) {
      Pair p = onePastRemotes(l, curRemote);
      outLocal.addAll(p.a);
      curRemote = p.b;
    }
    return new Pair(outLocal, curRemote);
  }

  private static Pair onePastRemotes(Prim local, List<Prim> remotes) {
    List<Prim> curLocal = List.of(local);
    List<Prim> outRemote = new ArrayList<>(remotes.size());
    for (Prim r : remotes) {
      Pair p = curLocal.size() == 1 ? pair(curLocal.get(0), r) : localsPastOne(curLocal, r);
      curLocal = p.a;
      outRemote.addAll(p.b);
    }
    return new Pair(curLocal, outRemote);
  }

  /**
   * One local primitive {@code a} and one remote {@code b}, made on one text: a' after b, b' after
   * a.
   */
  private static Pair pair(Prim a, Prim b) {
    if (a.isInsert() && b.isInsert()) {
      // A tie goes to the remote side: it was applied first.
      if (a.pos < b.pos) {
        return new Pair(List.of(a), List.of(b.at(b.pos + a.len)));
      }
      return new Pair(List.of(a.at(a.pos + b.len)), List.of(b));
    }
    if (a.isInsert()) {
      return insertAndDelete(a, b);
    }
    if (b.isInsert()) {
      Pair p = insertAndDelete(b, a);
      return new Pair(p.b, p.a);
    }
    return deletes(a, b);
  }

  /** An insert {@code i} and a delete {@code d}: returns (i', d'). */
  private static Pair insertAndDelete(Prim i, Prim d) {
    int ds = d.pos;
    int de = d.pos + d.len;
    if (i.pos <= ds) {
      return new Pair(List.of(i), List.of(d.at(ds + i.len)));
    }
    if (i.pos >= de) {
      return new Pair(List.of(i.at(i.pos - d.len)), List.of(d));
    }
    // Typed inside the deleted range: the insert survives at the range's start, the delete is cut
    // around it.
    List<Prim> cut = List.of(Prim.del(ds, i.pos - ds), Prim.del(ds + i.len, de - i.pos));
    return new Pair(List.of(i.at(ds)), cut);
  }

  private static Pair deletes(Prim a, Prim b) {
    int as = a.pos;
    int ae = a.pos + a.len;
    int bs = b.pos;
    int be = b.pos + b.len;
    if (ae <= bs) {
      return new Pair(List.of(a), List.of(b.at(bs - a.len)));
    }
    if (as >= be) {
      return new Pair(List.of(a.at(as - b.len)), List.of(b));
    }
    int overlap = Math.min(ae, be) - Math.max(as, bs);
    int start = Math.min(as, bs);
    List<Prim> a2 = a.len - overlap > 0 ? List.of(Prim.del(start, a.len - overlap)) : List.of();
    List<Prim> b2 = b.len - overlap > 0 ? List.of(Prim.del(start, b.len - overlap)) : List.of();
    return new Pair(a2, b2);
  }
}
