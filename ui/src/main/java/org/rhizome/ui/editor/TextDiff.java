package org.rhizome.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * The edits that turn {@code before} into {@code after}, found line by line (Myers' O(ND)
 * algorithm over the lines between the common prefix and suffix), each narrowed to the characters
 * that differ. Used to bring an edit made elsewhere into an open editor as small replacements, so
 * the caret, the selection and the scroll position outside them stay where they were — also when
 * the other edit touched two distant places.
 *
 * <p>When the texts differ in more than {@link #MAX_LINE_EDITS} lines the result is one
 * replacement of the differing middle (still correct, just coarser). Pure.
 */
public final class TextDiff {
  static final int MAX_LINE_EDITS = 2_000;

  /** One replacement, in the coordinates of the old text: {@code [start, oldEnd)} becomes {@code replacement}. */
  public record Edit(int start, int oldEnd, String replacement) {
    int delta() {
      return replacement.length() - (oldEnd - start);
    }
  }

  private final List<Edit> edits;

  private TextDiff(List<Edit> edits) {
    this.edits = List.copyOf(edits);
  }

  /** Edits in increasing order, not overlapping. */
  public List<Edit> edits() {
    return edits;
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }

  public static TextDiff between(String before, String after) {
    if (before.equals(after)) {
      return new TextDiff(List.of());
    }
    List<Edit> out = new ArrayList<>();
    List<int[]> oldLines = lineStarts(before);
    List<int[]> newLines = lineStarts(after);
    // Trim common whole lines at both ends; the middle goes to Myers.
    int head = 0;
    while (head < oldLines.size() && head < newLines.size() && sameLine(before, oldLines.get(head), after, newLines.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < oldLines.size() - head && tail < newLines.size() - head
        && sameLine(before, oldLines.get(oldLines.size() - 1 - tail), after, newLines.get(newLines.size() - 1 - tail))) {
      tail++;
    }
    List<int[]> a = oldLines.subList(head, oldLines.size() - tail);
    List<int[]> b = newLines.subList(head, newLines.size() - tail);
    List<int[]> hunks = LineDiff.hunks(before, a, after, b, MAX_LINE_EDITS);
    for (int[] h : hunks) {
      // h = {oldFromLine, oldToLine, newFromLine, newToLine} (exclusive ends, relative to a and b)
      int oldStart = h[0] < a.size() ? a.get(h[0])[0] : endOf(a, before, oldLines, head, tail);
      int oldEnd = h[1] > h[0] ? a.get(h[1] - 1)[1] : oldStart;
      int newStart = h[2] < b.size() ? b.get(h[2])[0] : endOf(b, after, newLines, head, tail);
      int newEnd = h[3] > h[2] ? b.get(h[3] - 1)[1] : newStart;
      out.add(narrow(before, oldStart, oldEnd, after, newStart, newEnd));
    }
    out.removeIf(e -> e.start() == e.oldEnd() && e.replacement().isEmpty());
    return new TextDiff(out);
  }

  /** Where a hunk that adds lines at the end of the middle starts: after the middle's last line. */
  private static int endOf(List<int[]> middle, String text, List<int[]> all, int head, int tail) {
    if (!middle.isEmpty()) {
      return middle.get(middle.size() - 1)[1];
    }
    int index = head - 1;
    return index >= 0 ? all.get(index)[1] : 0;
  }

  /** The smallest replacement inside a hunk: its common prefix and suffix kept. */
  private static Edit narrow(String before, int oldStart, int oldEnd, String after, int newStart, int newEnd) {
    int prefix = 0;
    int max = Math.min(oldEnd - oldStart, newEnd - newStart);
    while (prefix < max && before.charAt(oldStart + prefix) == after.charAt(newStart + prefix)) {
      prefix++;
    }
    if (prefix > 0 && Character.isHighSurrogate(before.charAt(oldStart + prefix - 1))) {
      prefix--;
    }
    int suffix = 0;
    while (suffix < max - prefix && before.charAt(oldEnd - 1 - suffix) == after.charAt(newEnd - 1 - suffix)) {
      suffix++;
    }
    if (suffix > 0 && Character.isLowSurrogate(before.charAt(oldEnd - suffix))) {
      suffix--;
    }
    return new Edit(oldStart + prefix, oldEnd - suffix, after.substring(newStart + prefix, newEnd - suffix));
  }

  /** Each line as {start, end} with its line break included (the last line has none). */
  static List<int[]> lineStarts(String s) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        lines.add(new int[] {start, i + 1});
        start = i + 1;
      }
    }
    lines.add(new int[] {start, s.length()});
    return lines;
  }

  static boolean sameLine(String a, int[] la, String b, int[] lb) {
    int len = la[1] - la[0];
    return len == lb[1] - lb[0] && a.regionMatches(la[0], b, lb[0], len);
  }

  /** Applies the edits to {@code before} (which must be the text they were computed from). */
  public String applyTo(String before) {
    StringBuilder out = new StringBuilder(before.length() + 16);
    int at = 0;
    for (Edit e : edits) {
      out.append(before, at, e.start()).append(e.replacement());
      at = e.oldEnd();
    }
    return out.append(before, at, before.length()).toString();
  }

  /**
   * Where a position in the old text lands in the new one: before an edit it stays, after it it
   * shifts, inside it moves to the end of the edit's replacement.
   */
  public int map(int position) {
    int shift = 0;
    for (Edit e : edits) {
      if (position <= e.start()) {
        break;
      }
      if (position < e.oldEnd()) {
        return e.start() + shift + e.replacement().length();
      }
      shift += e.delta();
    }
    return position + shift;
  }
}
