package org.rhizome.graph.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds a short excerpt around the first matching words of a body, as FTS5's snippet() would. */
final class Snippets {
  static final int WINDOW = 160;

  private Snippets() {}

  static Snippet make(String body, List<SearchQuery.Term> terms) {
    if (body.isEmpty()) {
      return Snippet.EMPTY;
    }
    List<int[]> words = new ArrayList<>();
    int i = 0;
    int n = body.length();
    int firstMatch = -1;
    while (i < n) {
      int cp = body.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && isWordChar(body.codePointAt(i))) {
        i += Character.charCount(body.codePointAt(i));
      }
      if (matches(fold(body.substring(start, i)), terms)) {
        words.add(new int[] {start, i});
        if (firstMatch < 0) {
          firstMatch = start;
        }
      }
    }
    int from = firstMatch < 0 ? 0 : Math.max(0, firstMatch - WINDOW / 3);
    while (from > 0 && !Character.isWhitespace(body.charAt(from - 1))) {
      from--;
      if (firstMatch - from > WINDOW / 2) {
        break;
      }
    }
    int to = Math.min(n, from + WINDOW);
    while (to < n && to - from < WINDOW + 20 && !Character.isWhitespace(body.charAt(to))) {
      to++;
    }
    if (to < n && Character.isLowSurrogate(body.charAt(to))) {
      to++;
    }
    String prefix = from > 0 ? "…" : "";
    String suffix = to < n ? "…" : "";
    StringBuilder text = new StringBuilder(prefix);
    List<Snippet.Highlight> highlights = new ArrayList<>();
    int at = from;
    for (int[] w : words) {
      if (w[0] < from || w[1] > to) {
        continue;
      }
      appendFlat(text, body, at, w[0]);
      int s = text.length();
      text.append(body, w[0], w[1]);
      highlights.add(new Snippet.Highlight(s, text.length()));
      at = w[1];
    }
    appendFlat(text, body, at, to);
    text.append(suffix);
    return new Snippet(text.toString(), highlights);
  }

  /** Appends body[from, to) with line breaks shown as spaces, so a snippet is one line. */
  private static void appendFlat(StringBuilder out, String body, int from, int to) {
    for (int k = from; k < to; k++) {
      char ch = body.charAt(k);
      out.append(ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch);
    }
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp)
        || cp == '_'
        || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  private static boolean matches(String word, List<SearchQuery.Term> terms) {
    for (SearchQuery.Term t : terms) {
      String term = fold(t.text());
      if (t.prefix() ? word.startsWith(term) : word.equals(term)) {
        return true;
      }
    }
    return false;
  }

  /** Case- and accent-insensitive form, like FTS5's unicode61 tokenizer with remove_diacritics. */
  static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); k++) {
      char ch = d.charAt(k);
      if (Character.getType(ch) != Character.NON_SPACING_MARK) {
        out.append(ch);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
