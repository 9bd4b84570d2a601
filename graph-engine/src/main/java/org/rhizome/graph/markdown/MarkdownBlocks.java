package org.rhizome.graph.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where a note's text may be cut so that each part parses as it does within the whole: the starts
 * of top-level blocks (a line after a blank line, not indented, outside front matter, fenced code,
 * display math and HTML comments). An edit changes the meaning of its own blocks and, when it opens
 * or closes a fence, math or comment, of the blocks up to where the cuts agree again; so {@link
 * #spansAfterEdit} reads just those, comparing these cuts with the ones before the edit.
 *
 * <p>One linear pass over the text, a few hundred microseconds for a 280 KB note; no Markdown
 * parse. Immutable and thread-safe.
 */
public final class MarkdownBlocks {
  private final String text;

  /** Block starts, ascending; the first is 0. */
  private final int[] starts;

  /** The line number of each start. */
  private final int[] lines;

  private final int count;
  private final int frontEnd;
  private final boolean onlyNewlines;

  private MarkdownBlocks(
      String text, int[] starts, int[] lines, int count, int frontEnd, boolean onlyNewlines) {
    this.text = text;
    this.starts = starts;
    this.lines = lines;
    this.count = count;
    this.frontEnd = frontEnd;
    this.onlyNewlines = onlyNewlines;
  }

  /** The cuts of {@code text}. */
  public static MarkdownBlocks of(String text) {
    FrontMatterReader.Block front = FrontMatterReader.find(text, new ArrayList<>());
    int frontEnd = front == null ? 0 : front.endOffset();
    return scan(
        text, frontEnd, text.indexOf('\r') < 0, new int[64], new int[64], 0, 0, 0, null, 0, 0);
  }

  /**
   * The cuts of {@code text}, which is the text of {@code before} with {@code [position, position +
   * removedLength)} replaced by {@code insertedLength} chars: the cuts before the edit are kept,
   * the text is read from the last of them to the first cut after the edit that {@code before} also
   * has (shifted), and the rest are {@code before}'s, shifted. A keystroke costs its blocks, not
   * the note.
   */
  public static MarkdownBlocks of(
      String text,
      @Nullable MarkdownBlocks before,
      int position,
      int removedLength,
      int insertedLength) {
    int delta = insertedLength - removedLength;
    if (before == null
        || before.text.length() + delta != text.length()
        || before.frontEnd > 0
        || position < 4
        || (text.startsWith("---") || text.startsWith("\uFEFF---"))) {
      return of(text);
    }
    boolean onlyNewlines = before.onlyNewlines;
    for (int i = position; i < position + insertedLength && onlyNewlines; i++) {
      onlyNewlines = text.charAt(i) != '\r';
    }
    int keep = before.indexAtOrBefore(position - 1); // cuts before the edit stay
    int[] starts = Arrays.copyOf(before.starts, Math.max(64, before.count + 16));
    int[] lineNumbers = Arrays.copyOf(before.lines, starts.length);
    return scan(
        text,
        0,
        onlyNewlines,
        starts,
        lineNumbers,
        keep,
        before.starts[keep],
        before.lines[keep],
        before,
        position + insertedLength,
        delta);
  }

  /**
   * Reads lines from {@code from} (a cut, or 0; line {@code line}), where every block is closed,
   * adding cuts after the first {@code count} of {@code starts}; once a cut past {@code syncAfter}
   * is one of {@code before}'s moved by {@code delta}, copies the rest of {@code before}'s and
   * stops.
   */
  private static MarkdownBlocks scan(
      String text,
      int frontEnd,
      boolean onlyNewlines,
      int[] starts,
      int[] lineNumbers,
      int count,
      int from,
      int line,
      @Nullable MarkdownBlocks before,
      int syncAfter,
      int delta) {
    if (count == 0) {
      starts[0] = 0;
      lineNumbers[0] = 0;
      count = 1;
    }
    int n = text.length();
    char fence = 0;
    int fenceLength = 0;
    boolean math = false;
    boolean comment = false;
    boolean previousBlank = true;
    int lineStart = from;
    while (lineStart < n) {
      int lineEnd;
      if (onlyNewlines) {
        int nl = text.indexOf('\n', lineStart); // vectorised by the JIT: most of this pass is here
        lineEnd = nl < 0 ? n : nl;
      } else {
        lineEnd = lineStart;
        while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
          lineEnd++;
        }
      }
      boolean blank = isBlank(text, lineStart, lineEnd);
      if (lineStart >= frontEnd) {
        boolean plain = fence == 0 && !math && !comment;
        if (plain
            && previousBlank
            && !blank
            && lineStart > 0
            && text.charAt(lineStart) != ' '
            && text.charAt(lineStart) != '\t') {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lineNumbers = Arrays.copyOf(lineNumbers, count * 2);
          }
          starts[count] = lineStart;
          lineNumbers[count++] = line;
          if (before != null && lineStart > syncAfter) {
            int old = Arrays.binarySearch(before.starts, 0, before.count, lineStart - delta);
            if (old > 0) {
              return synced(
                  text,
                  frontEnd,
                  onlyNewlines,
                  starts,
                  lineNumbers,
                  count,
                  before,
                  old,
                  delta,
                  line - before.lines[old]);
            }
          }
        }
        if (fence != 0) {
          int run = fenceRun(text, lineStart, lineEnd, fence);
          if (run >= fenceLength
              && isBlank(text, firstNonSpace(text, lineStart, lineEnd) + run, lineEnd)) {
            fence = 0;
          }
        } else {
          // Fences do not know math or an unclosed "<!--" in a paragraph (a comment only when a
          // block starts with it): all are tracked on their own, and a cut needs all of them
          // closed.
          int at = firstNonSpace(text, lineStart, lineEnd);
          char c = at < lineEnd && at - lineStart <= 3 ? text.charAt(at) : 0;
          int run = c == '`' || c == '~' ? fenceRun(text, lineStart, lineEnd, c) : 0;
          if (run >= 3 && (c == '~' || find(text, "`", at + run, lineEnd) < 0)) {
            fence = c;
            fenceLength = run;
          } else {
            int marks = scanLine(text, lineStart, lineEnd);
            if ((marks & ODD_DISPLAY_MATH) != 0) {
              math = !math;
            }
            comment =
                (marks & LEAVES_COMMENT_OPEN) != 0 || (comment && (marks & CLOSES_COMMENT) == 0);
          }
        }
      }
      previousBlank = blank;
      int next = lineEnd;
      if (next < n && text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n') {
        next++;
      }
      lineStart = next + 1;
      line++;
    }
    return new MarkdownBlocks(text, starts, lineNumbers, count, frontEnd, onlyNewlines);
  }

  /**
   * Ends a scan that met {@code before}'s cut {@code old}: the cuts after it are {@code before}'s,
   * moved.
   */
  private static MarkdownBlocks synced(
      String text,
      int frontEnd,
      boolean onlyNewlines,
      int[] starts,
      int[] lineNumbers,
      int count,
      MarkdownBlocks before,
      int old,
      int delta,
      int lineDelta) {
    int total = count + before.count - old - 1;
    int[] s = Arrays.copyOf(starts, Math.max(total, 1));
    int[] l = Arrays.copyOf(lineNumbers, s.length);
    for (int k = old + 1, at = count; k < before.count; k++, at++) {
      s[at] = before.starts[k] + delta;
      l[at] = before.lines[k] + lineDelta;
    }
    return new MarkdownBlocks(text, s, l, total, frontEnd, onlyNewlines);
  }

  /** The cut offsets and, after them, their line numbers (for tests). */
  int[] cutsAndLines() {
    int[] out = Arrays.copyOf(starts, count * 2);
    System.arraycopy(lines, 0, out, count, count);
    return out;
  }

  /** The text these cuts are of. */
  public String text() {
    return text;
  }

  /** The spans of the whole text (as {@link MarkdownSpans#of}). */
  public NoteSpans spansAll() {
    return MarkdownSpans.of(text);
  }

  /** The spans of the blocks that hold {@code [from, to]}, with one block more on each side. */
  public NoteSpans spansAround(int from, int to) {
    int first = Math.max(0, indexAtOrBefore(from) - 1);
    int last = Math.min(count, indexAfter(to) + 1);
    return spansOf(first, last);
  }

  /**
   * The spans of what an edit changed: {@code [position, position + removedLength)} of the text of
   * {@code before} became {@code [position, position + insertedLength)} of this one. The blocks
   * around the edit, and when the edit opened or closed a fence, math or comment, on to where the
   * cuts of the two texts agree again (to the end if they never do).
   */
  public NoteSpans spansAfterEdit(
      @Nullable MarkdownBlocks before, int position, int removedLength, int insertedLength) {
    int to = position + insertedLength;
    int first = Math.max(0, indexAtOrBefore(position) - 1);
    int last = Math.min(count, indexAfter(to) + 1);
    if (before == null) {
      return spansOf(first, count);
    }
    int delta = insertedLength - removedLength;
    int i = count - 1;
    int j = before.count - 1;
    while (i > 0 && j > 0 && starts[i] > to && starts[i] == before.starts[j] + delta) {
      i--;
      j--;
    }
    return spansOf(first, Math.max(last, i + 1));
  }

  /**
   * Spans from start {@code first} up to start {@code last} (exclusive; {@code count} for the end).
   */
  private NoteSpans spansOf(int first, int last) {
    int to = last >= count ? text.length() : starts[last];
    return MarkdownSpans.spans(text, starts[first], to, lines[first]);
  }

  private int indexAtOrBefore(int offset) {
    int found = Arrays.binarySearch(starts, 0, count, offset);
    return found >= 0 ? found : Math.max(0, -found - 2);
  }

  private int indexAfter(int offset) {
    int found = Arrays.binarySearch(starts, 0, count, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static int firstNonSpace(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int fenceRun(String text, int lineStart, int lineEnd, char c) {
    int at = firstNonSpace(text, lineStart, lineEnd);
    if (at - lineStart > 3) {
      return 0;
    }
    int i = at;
    while (i < lineEnd && text.charAt(i) == c) {
      i++;
    }
    return i - at;
  }

  private static final int ODD_DISPLAY_MATH = 1;
  private static final int CLOSES_COMMENT = 2;
  private static final int LEAVES_COMMENT_OPEN = 4;

  /**
   * One pass over a line: an odd number of unescaped {@code $$} (as MathSpans pairs them), a {@code
   * -->} anywhere, and a {@code <!--} with no {@code -->} after it.
   */
  private static int scanLine(String text, int from, int to) {
    int dollars = 0;
    boolean anyClose = false;
    boolean open = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '$'
          && i + 1 < to
          && text.charAt(i + 1) == '$'
          && (i == from || text.charAt(i - 1) != '\\')) {
        dollars++;
        i++;
      } else if (c == '<' && text.startsWith("<!--", i) && i + 4 <= to) {
        open = true;
        i += 3;
      } else if (c == '-' && text.startsWith("-->", i) && i + 3 <= to) {
        anyClose = true;
        open = false;
        i += 2;
      }
    }
    return ((dollars & 1) == 1 ? ODD_DISPLAY_MATH : 0)
        | (anyClose ? CLOSES_COMMENT : 0)
        | (open ? LEAVES_COMMENT_OPEN : 0);
  }

  /** The first {@code s} within {@code [from, to)}, or -1; never looks past {@code to}. */
  private static int find(String text, String s, int from, int to) {
    for (int i = from; i + s.length() <= to; i++) {
      if (text.startsWith(s, i)) {
        return i;
      }
    }
    return -1;
  }
}
