package org.rhizome.ui.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable unified diff of two texts: lines by {@link MyersDiff}, then, inside each block where
 * lines were replaced, the words that changed, for lines paired in order. Unchanged stretches
 * longer than twice the context fold into one row. Stateless and thread-safe (run it off the FX
 * thread for long notes).
 */
final class LineDiff {
  static final int CONTEXT = 3;

  /**
   * Paired lines whose words differ more than this (as a share of the longer line) get no word
   * highlights.
   */
  private static final double MAX_WORD_CHANGE = 0.6;

  private static final Pattern TOKEN =
      Pattern.compile("\\w+|\\s+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

  private LineDiff() {}

  /**
   * The diff from {@code before} to {@code after}; with {@code fold}, long unchanged stretches
   * become folds.
   */
  static List<DiffLine> of(String before, String after, boolean fold) {
    String[] a = lines(before);
    String[] b = lines(after);
    Map<String, Integer> ids = new HashMap<>();
    List<MyersDiff.Edit> edits = MyersDiff.diff(tokens(a, ids), tokens(b, ids));
    List<DiffLine> rows = new ArrayList<>();
    for (int e = 0; e < edits.size(); e++) {
      MyersDiff.Edit edit = edits.get(e);
      switch (edit.kind()) {
        case EQUAL -> same(rows, a, edit, fold, e == 0, e == edits.size() - 1);
        case DELETE -> {
          MyersDiff.Edit next = e + 1 < edits.size() ? edits.get(e + 1) : null;
          if (next != null && next.kind() == MyersDiff.Kind.INSERT) {
            replaced(rows, a, b, edit, next);
            e++;
          } else {
            for (int i = edit.aFrom(); i < edit.aTo(); i++) {
              rows.add(new DiffLine(DiffLine.Kind.REMOVED, i + 1, 0, a[i], List.of(), 0));
            }
          }
        }
        case INSERT -> {
          for (int j = edit.bFrom(); j < edit.bTo(); j++) {
            rows.add(new DiffLine(DiffLine.Kind.ADDED, 0, j + 1, b[j], List.of(), 0));
          }
        }
      }
    }
    return rows;
  }

  /** Lines added and removed, as (added, removed). */
  static int[] counts(List<DiffLine> rows) {
    int added = 0;
    int removed = 0;
    for (DiffLine r : rows) {
      added += r.kind() == DiffLine.Kind.ADDED ? 1 : 0;
      removed += r.kind() == DiffLine.Kind.REMOVED ? 1 : 0;
    }
    return new int[] {added, removed};
  }

  static String[] lines(String text) {
    return text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
  }

  private static int[] tokens(String[] items, Map<String, Integer> ids) {
    int[] out = new int[items.length];
    for (int i = 0; i < items.length; i++) {
      out[i] = ids.computeIfAbsent(items[i], k -> ids.size());
    }
    return out;
  }

  private static void same(
      List<DiffLine> rows,
      String[] a,
      MyersDiff.Edit edit,
      boolean fold,
      boolean first,
      boolean last) {
    int from = edit.aFrom();
    int to = edit.aTo();
    int shift = edit.bFrom() - edit.aFrom();
    int keepHead = first ? 0 : CONTEXT;
    int keepTail = last ? 0 : CONTEXT;
    if (!fold || to - from <= keepHead + keepTail + 1) {
      for (int i = from; i < to; i++) {
        rows.add(new DiffLine(DiffLine.Kind.SAME, i + 1, i + 1 + shift, a[i], List.of(), 0));
      }
      return;
    }
    for (int i = from; i < from + keepHead; i++) {
      rows.add(new DiffLine(DiffLine.Kind.SAME, i + 1, i + 1 + shift, a[i], List.of(), 0));
    }
    rows.add(DiffLine.fold(to - from - keepHead - keepTail));
    for (int i = to - keepTail; i < to; i++) {
      rows.add(new DiffLine(DiffLine.Kind.SAME, i + 1, i + 1 + shift, a[i], List.of(), 0));
    }
  }

  /** Removed lines, then added lines; the i-th removed and i-th added are compared word by word. */
  private static void replaced(
      List<DiffLine> rows, String[] a, String[] b, MyersDiff.Edit del, MyersDiff.Edit ins) {
    int pairs = Math.min(del.aTo() - del.aFrom(), ins.bTo() - ins.bFrom());
    List<List<DiffLine.Span>> oldSpans = new ArrayList<>();
    List<List<DiffLine.Span>> newSpans = new ArrayList<>();
    for (int p = 0; p < pairs; p++) {
      List<DiffLine.Span>[] spans = words(a[del.aFrom() + p], b[ins.bFrom() + p]);
      oldSpans.add(spans[0]);
      newSpans.add(spans[1]);
    }
    for (int i = del.aFrom(); i < del.aTo(); i++) {
      int p = i - del.aFrom();
      rows.add(
          new DiffLine(
              DiffLine.Kind.REMOVED, i + 1, 0, a[i], p < pairs ? oldSpans.get(p) : List.of(), 0));
    }
    for (int j = ins.bFrom(); j < ins.bTo(); j++) {
      int p = j - ins.bFrom();
      rows.add(
          new DiffLine(
              DiffLine.Kind.ADDED, 0, j + 1, b[j], p < pairs ? newSpans.get(p) : List.of(), 0));
    }
  }

  /**
   * The changed character ranges of each line, or none when the lines have too little in common.
   */
  @SuppressWarnings("unchecked")
  static List<DiffLine.Span>[] words(String before, String after) {
    List<String> ta = split(before);
    List<String> tb = split(after);
    Map<String, Integer> ids = new HashMap<>();
    List<MyersDiff.Edit> edits =
        MyersDiff.diff(
            tokens(ta.toArray(String[]::new), ids), tokens(tb.toArray(String[]::new), ids));
    int[] offA = offsets(ta);
    int[] offB = offsets(tb);
    List<DiffLine.Span> oldSpans = new ArrayList<>();
    List<DiffLine.Span> newSpans = new ArrayList<>();
    int changed = 0;
    for (MyersDiff.Edit e : edits) {
      if (e.kind() == MyersDiff.Kind.DELETE) {
        oldSpans.add(new DiffLine.Span(offA[e.aFrom()], offA[e.aTo()]));
        changed += offA[e.aTo()] - offA[e.aFrom()];
      } else if (e.kind() == MyersDiff.Kind.INSERT) {
        newSpans.add(new DiffLine.Span(offB[e.bFrom()], offB[e.bTo()]));
        changed += offB[e.bTo()] - offB[e.bFrom()];
      }
    }
    if (changed > MAX_WORD_CHANGE * (before.length() + after.length())) {
      return new List[] {List.of(), List.of()};
    }
    return new List[] {oldSpans, newSpans};
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(line.substring(at, m.start()));
      }
      out.add(m.group());
      at = m.end();
    }
    if (at < line.length()) {
      out.add(line.substring(at));
    }
    return out;
  }

  private static int[] offsets(List<String> tokens) {
    int[] out = new int[tokens.size() + 1];
    for (int i = 0; i < tokens.size(); i++) {
      out[i + 1] = out[i] + tokens.get(i).length();
    }
    return out;
  }
}
