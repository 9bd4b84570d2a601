package org.rhizome.graph.markdown;

/**
 * Caps nesting before a body reaches Flexmark, which takes time quadratic in some nesting depths: a
 * single line of 16,000 {@code "- "} took 27 s, and 8,000 {@code "[a]("} (link destinations whose
 * parentheses never close) several seconds.
 *
 * <ul>
 *   <li>Block containers (list items and block quotes) past {@link #MAX_DEPTH} on one line have
 *       their markers replaced by {@code x}: they read as plain text inside the deepest item.
 *   <li>An opening parenthesis past {@link #MAX_PARENS} unclosed ones in one run of non-blank chars
 *       is replaced by a space. CommonMark lets implementations limit this nesting (cmark stops at
 *       32); such a run is never a link destination, and now Flexmark stops looking early.
 * </ul>
 *
 * Replacements are char for char, so every offset of the body stays the same (the scanners read the
 * original text; only the structure comes from Flexmark). Linear in the input. Stateless. Any other
 * Flexmark parse of a note body (the reading view's) needs the same, with {@link
 * MarkdownParser#linearInlineParser()}: without them 4 KB of {@code "- "} took 1.35 s to render and
 * 16 KB about 6 s, growing with the square of the size; with them, 15 ms.
 */
public final class ParseLimits {
  /**
   * Far beyond any outline a person writes (Obsidian's own indentation guides stop well before).
   */
  static final int MAX_DEPTH = 64;

  /** Unclosed {@code (} allowed in a run of non-blank chars, as in cmark. */
  static final int MAX_PARENS = 32;

  private static final char NEUTRAL = 'x';

  private ParseLimits() {}

  /**
   * {@code body}, or a copy of the same length with container markers past {@link #MAX_DEPTH}
   * neutralised.
   */
  public static String apply(String body) {
    char[] out = null;
    int n = body.length();
    int lineStart = 0;
    while (lineStart < n) {
      int depth = 0;
      int i = lineStart;
      while (i < n) {
        while (i < n && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
          i++;
        }
        int markerEnd = markerEnd(body, i);
        if (markerEnd < 0) {
          break;
        }
        depth++;
        if (depth > MAX_DEPTH) {
          if (out == null) {
            out = body.toCharArray();
          }
          for (int k = i; k < markerEnd; k++) {
            out[k] = NEUTRAL;
          }
        }
        i = markerEnd;
      }
      int next = body.indexOf('\n', i);
      lineStart = next < 0 ? n : next + 1;
    }
    int parens = 0;
    for (int i = 0; i < n; i++) {
      char c = body.charAt(i);
      if (c == '(') {
        if (++parens > MAX_PARENS) {
          if (out == null) {
            out = body.toCharArray();
          }
          out[i] = ' ';
          parens = 0;
        }
      } else if (c == ')') {
        parens = Math.max(0, parens - 1);
      } else if (c <= ' ') {
        parens = 0;
      }
    }
    return out == null ? body : new String(out);
  }

  /**
   * The end of the container marker at {@code i} ({@code >}, a bullet or an ordinal and its
   * delimiter), or -1.
   */
  private static int markerEnd(String s, int i) {
    int n = s.length();
    if (i >= n) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '>') {
      return i + 1;
    }
    if (c == '-' || c == '+' || c == '*') {
      return followedByBlank(s, i + 1) ? i + 1 : -1;
    }
    int j = i;
    while (j < n && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      j++;
    }
    if (j > i && j < n && (s.charAt(j) == '.' || s.charAt(j) == ')') && followedByBlank(s, j + 1)) {
      return j + 1;
    }
    return -1;
  }

  private static boolean followedByBlank(String s, int i) {
    return i >= s.length()
        || s.charAt(i) == ' '
        || s.charAt(i) == '\t'
        || s.charAt(i) == '\n'
        || s.charAt(i) == '\r';
  }
}
