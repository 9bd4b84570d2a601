package org.rhizome.ui.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A note cut into runs of top-level blocks that render alone exactly as they do inside the whole
 * note, so that an edit renders again only the run it touched (the rest comes from {@link
 * BlockCache}).
 *
 * <p>A cut is made only before a line that starts a new block for sure: after a blank line, outside
 * fenced code and {@code $$} maths, and not before an indented line or a list item (either may
 * continue a list above, loose lists included). A note with a link reference definition ({@code
 * [x]: url}) is not cut at all: a reference may be used anywhere. Footnotes, heading ids and task
 * offsets are joined across runs by {@link PageAssembly}.
 */
final class MarkdownBlocks {
  private MarkdownBlocks() {}

  /**
   * Runs smaller than this are joined with the next one: a run costs a parser and renderer set-up
   * of its own (2 KB runs made a cold render of 280 KB half again slower; 8 KB keeps an edit under
   * 50 ms CPU).
   */
  static final int MIN_RUN = 8192;

  /** One run: its text and where it starts in the note. */
  record Run(String text, int start) {}

  static List<Run> split(String text, int minRun) {
    List<Run> out = new ArrayList<>();
    int n = text.length();
    int runStart = 0;
    int i = 0;
    boolean prevBlank = false;
    char fence = 0;
    int fenceLength = 0;
    boolean math = false;
    while (i < n) {
      int eol = text.indexOf('\n', i);
      int end = eol < 0 ? n : eol;
      int indent = 0;
      while (i + indent < end && text.charAt(i + indent) == ' ') {
        indent++;
      }
      boolean blank = isBlank(text, i, end);
      if (fence != 0) {
        if (indent < 4
            && runOf(text, i + indent, end, fence) >= fenceLength
            && isBlank(text, i + indent + runOf(text, i + indent, end, fence), end)) {
          fence = 0;
        }
      } else if (!blank) {
        char c = i + indent < end ? text.charAt(i + indent) : 0;
        if (!math
            && prevBlank
            && indent == 0
            && i - runStart >= minRun
            && c != '\t'
            && !listItem(text, i, end)) {
          out.add(new Run(text.substring(runStart, i), runStart));
          runStart = i;
        }
        if (indent < 4
            && (c == '`' || c == '~')
            && runOf(text, i + indent, end, c) >= 3
            && (c == '~'
                || !contains(text, i + indent + runOf(text, i + indent, end, c), end, '`'))) {
          fence = c;
          fenceLength = runOf(text, i + indent, end, c);
        } else if (indent < 4 && c == '[' && isReferenceDefinition(text, i + indent, end)) {
          return List.of(new Run(text, 0));
        } else if ((countDollarPairs(text, i, end) & 1) == 1) {
          math = !math;
        }
      }
      prevBlank = blank;
      i = eol < 0 ? n : eol + 1;
    }
    if (runStart < n || out.isEmpty()) {
      out.add(new Run(text.substring(runStart), runStart));
    }
    return out;
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static int runOf(String s, int from, int to, char c) {
    int k = from;
    while (k < to && s.charAt(k) == c) {
      k++;
    }
    return k - from;
  }

  /** {@code - x}, {@code * x}, {@code + x}, {@code 1. x}, {@code 1) x}, or a bare marker. */
  private static boolean listItem(String s, int from, int to) {
    char c = s.charAt(from);
    if (c == '-' || c == '*' || c == '+') {
      return from + 1 >= to || s.charAt(from + 1) == ' ' || s.charAt(from + 1) == '\t';
    }
    int k = from;
    while (k < to && k - from < 10 && Character.isDigit(s.charAt(k))) {
      k++;
    }
    if (k == from || k >= to || (s.charAt(k) != '.' && s.charAt(k) != ')')) {
      return false;
    }
    return k + 1 >= to || s.charAt(k + 1) == ' ' || s.charAt(k + 1) == '\t';
  }

  /**
   * {@code [label]: destination} — not a footnote ({@code [^x]:}), which {@link PageAssembly}
   * joins.
   */
  private static boolean isReferenceDefinition(String s, int from, int to) {
    if (from + 1 < to && s.charAt(from + 1) == '^') {
      return false;
    }
    for (int k = from + 2; k + 1 < to; k++) {
      if (s.charAt(k) == ']' && s.charAt(k + 1) == ':') {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String s, int from, int to, char c) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == c) {
        return true;
      }
    }
    return false;
  }

  private static int countDollarPairs(String s, int from, int to) {
    int count = 0;
    for (int k = from; k + 1 < to; k++) {
      if (s.charAt(k) == '$' && s.charAt(k + 1) == '$') {
        count++;
        k++;
      }
    }
    return count;
  }
}
