package org.rhizome.graph.markdown;

/**
 * Finds LaTeX math as Obsidian writes it, in the Markdown text between other syntax: display math
 * {@code $$...$$} (may span lines) and inline math {@code $...$} on one line, where the opening
 * {@code $} is followed by a non-space, the closing one follows a non-space and is not followed by
 * a digit ({@code $5 and $6} is not math). Nothing inside math is a link or a tag. A {@code \$} is
 * a dollar sign.
 */
final class MathSpans {
  private MathSpans() {}

  /** {@code syntax} plus the math found in its gaps over {@code [from, to)}. */
  static RangeList addTo(RangeList syntax, String text, int from, int to) {
    RangeList math = find(syntax, text, from, to);
    return math.size() == 0 ? syntax : new RangeList.Builder().addAll(syntax).addAll(math).build();
  }

  /** The math alone found in the gaps of {@code syntax} over {@code [from, to)}. */
  static RangeList find(RangeList syntax, String text, int from, int to) {
    RangeList.Builder out = new RangeList.Builder();
    int dollar = text.indexOf('$', from);
    if (dollar < 0 || dollar >= to) {
      return out.build();
    }
    int[] resume = {from};
    syntax.forEachGap(
        from,
        to,
        (start, end) -> {
          int i = Math.max(start, resume[0]);
          while (i < end) {
            if (text.charAt(i) != '$' || isEscaped(text, i)) {
              i++;
              continue;
            }
            if (i + 1 < to && text.charAt(i + 1) == '$') {
              int close = text.indexOf("$$", i + 2);
              if (close < 0 || close + 2 > to) {
                i += 2;
                continue;
              }
              out.add(i, close + 2);
              resume[0] = close + 2;
              i = close + 2;
              continue;
            }
            int close = inlineClose(text, i, end);
            if (close < 0) {
              i++;
            } else {
              out.add(i, close + 1);
              i = close + 1;
            }
          }
        });
    return out.build();
  }

  private static int inlineClose(String text, int open, int end) {
    if (open + 1 >= end || Character.isWhitespace(text.charAt(open + 1))) {
      return -1;
    }
    for (int j = open + 1; j < end; j++) {
      char c = text.charAt(j);
      if (c == '\n' || c == '\r') {
        return -1;
      }
      if (c == '$'
          && !isEscaped(text, j)
          && !Character.isWhitespace(text.charAt(j - 1))
          && (j + 1 >= text.length() || !Character.isDigit(text.charAt(j + 1)))) {
        return j;
      }
    }
    return -1;
  }

  private static boolean isEscaped(String text, int index) {
    int backslashes = 0;
    for (int k = index - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return (backslashes & 1) == 1;
  }
}
