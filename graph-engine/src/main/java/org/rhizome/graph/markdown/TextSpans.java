package org.rhizome.graph.markdown;

import java.util.List;

/**
 * Obsidian's inline syntax that CommonMark has not and the index does not read, found in the
 * Markdown text between other syntax (so never inside code, math or a link): bare {@code https://}
 * addresses, {@code ==highlight==}, {@code %%comment%%} and a {@code ^block-id} ending a line. One
 * linear pass per gap, no regular expressions.
 */
final class TextSpans {
  private final String text;
  private final List<MarkdownSpan> out;

  private TextSpans(String text, List<MarkdownSpan> out) {
    this.text = text;
    this.out = out;
  }

  /** Adds the spans found in the gaps of {@code taken} over {@code [from, to)}. */
  static void addTo(RangeList taken, String text, int from, int to, List<MarkdownSpan> out) {
    TextSpans scanner = new TextSpans(text, out);
    int[] resume = {from};
    taken.forEachGap(
        from, to, (start, end) -> resume[0] = scanner.scan(Math.max(start, resume[0]), end));
  }

  /**
   * Scans {@code [from, to)}; returns where the next gap may start (past a comment that ran on).
   */
  private int scan(int from, int to) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      int next = i + 1;
      if (c == '%' && text.startsWith("%%", i)) {
        int close = text.indexOf("%%", i + 2);
        if (close >= 0 && close + 2 <= to) {
          out.add(new MarkdownSpan(SpanKind.COMMENT, i, close + 2));
          next = close + 2;
        } else {
          next = i + 2;
        }
      } else if (c == '=' && text.startsWith("==", i)) {
        next = highlight(i, to);
      } else if (c == 'h'
          && (text.startsWith("https://", i) || text.startsWith("http://", i))
          && wordStart(i)) {
        next = url(i, to);
      } else if (c == '^' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        next = blockId(i, to);
      }
      i = Math.max(next, i + 1);
    }
    return i;
  }

  private int highlight(int open, int to) {
    int from = open + 2;
    if (from >= to || Character.isWhitespace(text.charAt(from)) || text.charAt(from) == '=') {
      return from;
    }
    for (int j = from + 1; j + 1 < to; j++) {
      char d = text.charAt(j);
      if (d == '\n' || d == '\r') {
        return j;
      }
      if (d == '=' && text.charAt(j + 1) == '=' && !Character.isWhitespace(text.charAt(j - 1))) {
        out.add(new MarkdownSpan(SpanKind.HIGHLIGHT, open, j + 2));
        return j + 2;
      }
    }
    return to;
  }

  private int url(int start, int to) {
    int j = start;
    while (j < to
        && !Character.isWhitespace(text.charAt(j))
        && text.charAt(j) != '<'
        && text.charAt(j) != '>') {
      j++;
    }
    while (j > start && ".,;:!?)]\"'".indexOf(text.charAt(j - 1)) >= 0) {
      j--;
    }
    if (text.indexOf("://", start) + 3 < j) {
      out.add(new MarkdownSpan(SpanKind.URL, start, j));
    }
    return j;
  }

  private int blockId(int caret, int to) {
    int j = caret + 1;
    while (j < to && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '-')) {
      j++;
    }
    int after = j;
    while (after < to && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
      after++;
    }
    boolean endsLine =
        after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r';
    if (j > caret + 1 && endsLine) {
      out.add(new MarkdownSpan(SpanKind.BLOCK_ID, caret, j));
    }
    return j;
  }

  private boolean wordStart(int i) {
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
  }
}
