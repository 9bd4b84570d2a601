package org.rhizome.graph.markdown;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The index's view of a body without Flexmark, for the bodies most notes have: paragraphs, ATX
 * headings, list items and fenced code blocks at the left margin. It gives what {@link
 * BodyStructure#of} gives for Flexmark's AST of such a body, as far as {@link MarkdownParser#parse}
 * reads it (the syntax ranges, the headings, no Markdown links); for anything else it answers null
 * and the caller parses with Flexmark. {@code PlainBodyScanTest} compares the two on a corpus and
 * on random bodies.
 *
 * <p>What makes it give up (each is a construct whose effect depends on more of CommonMark than
 * this class follows): a {@code <} (HTML, autolinks), a backtick outside a fence (code spans),
 * {@code ](} (inline links and images), {@code ]:} not ending a wikilink (reference definitions,
 * which make other brackets links), a {@code >} starting a line (block quotes), a line indented by
 * 4 or more spaces or by a tab (indented code, nested content), a line of only {@code -}, {@code
 * =}, {@code *}, {@code _} and spaces (setext headings, thematic breaks), a heading or fence inside
 * a list item, a fence not at the margin, a heading holding {@code \ & * _ `}, a {@code _} inside a
 * {@code #tag} (where an emphasis delimiter would end the tag), and CR, NUL or other control
 * characters. Emphasis delimiters are otherwise not reported: the parse uses them only to end a
 * tag, and {@code *} is never inside one.
 *
 * <p>Linear in the input, one pass; stateless.
 */
final class PlainBodyScan {
  private static final int MAX_LIST_DEPTH = 8;

  private PlainBodyScan() {}

  /**
   * The structure of {@code markdown} from {@code bodyStart} on, or null when the body holds
   * something this scan does not follow.
   */
  static @Nullable BodyStructure scan(String markdown, int bodyStart, SourceLines lines) {
    int n = markdown.length();
    if (markdown.indexOf('\r', bodyStart) >= 0 || markdown.indexOf('\0', bodyStart) >= 0) {
      return null; // CR is a line end to CommonMark; NUL is replaced
    }
    RangeList.Builder syntax = new RangeList.Builder();
    List<Heading> headings = new ArrayList<>();
    int ls = bodyStart;
    while (ls < n) {
      int nl = markdown.indexOf('\n', ls);
      int le = nl < 0 ? n : nl;
      int next = nl < 0 ? n : nl + 1;
      int i = ls;
      while (i < le && markdown.charAt(i) == ' ') {
        i++;
      }
      if (i < le && markdown.charAt(i) == '\t') {
        if (isBlank(markdown, i, le)) {
          ls = next;
          continue;
        }
        return null;
      }
      if (i == le) {
        ls = next; // a blank line
        continue;
      }
      if (i - ls >= 4) {
        return null;
      }
      if (onlyBreakChars(markdown, i, le)) {
        return null;
      }
      char first = markdown.charAt(i);
      if ((first == '`' || first == '~') && runLength(markdown, i, le, first) >= 3) {
        if (i != ls) {
          return null;
        }
        int end = fence(markdown, i, le, first);
        if (end < 0) {
          return null;
        }
        syntax.add(i, end);
        ls = end < n ? end + 1 : n;
        continue;
      }
      // List markers, possibly nested ("- 1. text").
      int depth = 0;
      int p = i;
      while (true) {
        int m = markerEnd(markdown, p, le);
        if (m < 0) {
          break;
        }
        if (++depth > MAX_LIST_DEPTH) {
          return null;
        }
        int q = m;
        while (q < le && markdown.charAt(q) == ' ') {
          q++;
        }
        if (q < le && markdown.charAt(q) == '\t') {
          return null;
        }
        if (q == le) {
          p = le;
          break;
        }
        if (q - m >= 5) {
          return null; // the item starts with indented code
        }
        p = q;
      }
      if (p < le) {
        char c = markdown.charAt(p);
        int hashes = c == '#' ? runLength(markdown, p, le, '#') : 0;
        boolean heading =
            hashes >= 1
                && hashes <= 6
                && (p + hashes == le
                    || markdown.charAt(p + hashes) == ' '
                    || markdown.charAt(p + hashes) == '\t');
        if (depth > 0
            && (heading
                || c == '>'
                || ((c == '`' || c == '~') && runLength(markdown, p, le, c) >= 3))) {
          return null;
        }
        if (c == '>') {
          return null;
        }
        if (!plainLine(markdown, ls, le, syntax)) {
          return null;
        }
        if (heading && !heading(markdown, p, hashes, le, syntax, headings, lines)) {
          return null;
        }
      }
      ls = next;
    }
    RangeList none = new RangeList.Builder().build();
    return new BodyStructure(syntax.build(), none, new int[0], headings, List.of());
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A line of only {@code - = * _} and blanks: a thematic break or a setext underline. */
  private static boolean onlyBreakChars(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c != '-' && c != '=' && c != '*' && c != '_' && c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static int runLength(String s, int from, int to, char c) {
    int k = from;
    while (k < to && s.charAt(k) == c) {
      k++;
    }
    return k - from;
  }

  /** The end of a list marker at {@code i} (bullet, or 1–9 digits and {@code . )}), or -1. */
  private static int markerEnd(String s, int i, int le) {
    if (i >= le) {
      return -1;
    }
    char c = s.charAt(i);
    int end;
    if (c == '-' || c == '+' || c == '*') {
      end = i + 1;
    } else {
      int j = i;
      while (j < le && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
        j++;
      }
      if (j == i || j >= le || (s.charAt(j) != '.' && s.charAt(j) != ')')) {
        return -1;
      }
      end = j + 1;
    }
    if (end < le && s.charAt(end) != ' ' && s.charAt(end) != '\t') {
      return -1;
    }
    return end;
  }

  /**
   * Checks a line of Markdown text: no HTML, inline links, reference definitions or control
   * characters, and no {@code _} inside a tag; its code spans (which must close on the line) go to
   * {@code syntax}.
   */
  private static boolean plainLine(String s, int from, int to, RangeList.Builder syntax) {
    // Whether every char since the last '#' of the line is a tag char: a '_' then lies in a tag.
    boolean afterHash = false;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == '`') {
        int end = codeSpanEnd(s, from, k, to);
        if (end < 0) {
          return false;
        }
        syntax.add(k, end);
        k = end - 1;
        afterHash = false;
      } else if (c < 0x20) {
        if (c != '\t') {
          return false;
        }
        afterHash = false;
      } else if (c == '<') {
        return false;
      } else if (c == ']' && k + 1 < to && s.charAt(k + 1) == '(') {
        return false;
      } else if (c == ']'
          && k + 1 < to
          && s.charAt(k + 1) == ':'
          // "]]:" ends a wikilink ("[[a]]: b"); a reference label cannot end in an unescaped ']'.
          && !(k > from && s.charAt(k - 1) == ']' && !(k - 1 > from && s.charAt(k - 2) == '\\'))) {
        return false;
      } else if (c == '#') {
        afterHash = true;
      } else if (c == '_') {
        if (afterHash) {
          return false;
        }
      } else if (Character.isHighSurrogate(c) && k + 1 < to) {
        if (!TagSyntax.isTagChar(s.codePointAt(k))) {
          afterHash = false;
        }
        if (Character.isLowSurrogate(s.charAt(k + 1))) {
          k++;
        }
      } else if (!TagSyntax.isTagChar(c)) {
        afterHash = false;
      }
    }
    return true;
  }

  /**
   * The end of the code span whose opening backticks are at {@code open}: after the next run of as
   * many backticks on the line; -1 when there is none there (it may close on a later line of the
   * paragraph, or be text) or when a backslash stands before the opening run.
   */
  private static int codeSpanEnd(String s, int from, int open, int to) {
    if (open > from && s.charAt(open - 1) == '\\') {
      return -1;
    }
    int length = runLength(s, open, to, '`');
    int k = open + length;
    while (k < to) {
      if (s.charAt(k) == '`') {
        int run = runLength(s, k, to, '`');
        if (run == length) {
          return k + run;
        }
        k += run;
      } else {
        k++;
      }
    }
    return -1;
  }

  /**
   * An ATX heading whose {@code #} run is at {@code p}: adds its markers to {@code syntax} and the
   * heading (unless empty); false when its text holds markup this scan does not read.
   */
  private static boolean heading(
      String s,
      int p,
      int hashes,
      int le,
      RangeList.Builder syntax,
      List<Heading> headings,
      SourceLines lines) {
    int open = p + hashes;
    int end = le;
    while (end > open && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    int start = open;
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    int textEnd = end;
    if (end > start && s.charAt(end - 1) == '#') {
      int close = end;
      while (close > start && s.charAt(close - 1) == '#') {
        close--;
      }
      if (close == start || s.charAt(close - 1) == ' ' || s.charAt(close - 1) == '\t') {
        syntax.add(close, end);
        textEnd = close;
      }
    }
    syntax.add(p, open);
    StringBuilder text = new StringBuilder(textEnd - start);
    boolean space = false;
    for (int k = start; k < textEnd; k++) {
      char c = s.charAt(k);
      if (c == '\\' || c == '&' || c == '*' || c == '_' || c == '`') {
        return false;
      }
      if (c == ' ' || c == '\t') {
        space = true;
      } else if (Character.isWhitespace(c)) {
        return false;
      } else {
        if (space && text.length() > 0) {
          text.append(' ');
        }
        space = false;
        text.append(c);
      }
    }
    if (text.length() > 0) {
      headings.add(new Heading(hashes, text.toString(), lines.lineOf(p)));
    }
    return true;
  }

  /**
   * A fenced code block opening at {@code i} (the margin): the end of its closing fence line, or of
   * the body when it is never closed; -1 when the opening line is not a fence after all.
   */
  private static int fence(String s, int i, int le, char c) {
    int length = runLength(s, i, le, c);
    for (int k = i + length; k < le; k++) {
      if (s.charAt(k) == '`' || s.charAt(k) == c) {
        return -1; // Flexmark reads no fence when the info string holds a backtick or the fence
        // char
      }
    }
    int n = s.length();
    int ls = le < n ? le + 1 : n;
    while (ls < n) {
      int nl = s.indexOf('\n', ls);
      int end = nl < 0 ? n : nl;
      int k = ls;
      while (k < end && k - ls < 4 && s.charAt(k) == ' ') {
        k++;
      }
      if (k - ls < 4 && runLength(s, k, end, c) >= length) {
        int after = k + runLength(s, k, end, c);
        if (isBlank(s, after, end)) {
          return end;
        }
      }
      ls = nl < 0 ? n : nl + 1;
    }
    return n;
  }
}
