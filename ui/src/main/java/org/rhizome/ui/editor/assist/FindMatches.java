package org.rhizome.ui.editor.assist;

import java.util.ArrayList;
import java.util.List;

/**
 * Literal find and replace in a note's text: where a query occurs (with or without regard to case),
 * which match is "current" for a caret, and the replacements for Replace all.
 *
 * <p>Pure. Matches never overlap ({@code aa} in {@code aaaa} matches twice). A search stops at
 * {@link #MAX_MATCHES} so a one-letter query in a huge note cannot take the screen hostage.
 */
public final class FindMatches {
  public static final int MAX_MATCHES = 100_000;

  private FindMatches() {}

  /** Start offsets of the matches of {@code query} in {@code text}; empty for an empty query. */
  public static int[] find(String text, String query, boolean matchCase) {
    if (query.isEmpty()) {
      return new int[0];
    }
    String haystack = text;
    String needle = query;
    if (!matchCase) {
      // Lower-casing per char keeps offsets (String.toLowerCase can change lengths, e.g. 'İ').
      haystack = lowerPerChar(text);
      needle = lowerPerChar(query);
    }
    int[] out = new int[16];
    int n = 0;
    int at = haystack.indexOf(needle);
    while (at >= 0 && n < MAX_MATCHES) {
      if (n == out.length) {
        out = java.util.Arrays.copyOf(out, n * 2);
      }
      out[n++] = at;
      at = haystack.indexOf(needle, at + needle.length());
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Index of the first match at or after {@code offset}, wrapping to 0; -1 when there are none. */
  public static int nextFrom(int[] matches, int offset) {
    if (matches.length == 0) {
      return -1;
    }
    int i = java.util.Arrays.binarySearch(matches, offset);
    int index = i >= 0 ? i : -i - 1;
    return index < matches.length ? index : 0;
  }

  /**
   * Index of the last match that starts before {@code offset}, wrapping to the last; -1 when none.
   */
  public static int previousBefore(int[] matches, int offset) {
    if (matches.length == 0) {
      return -1;
    }
    int i = java.util.Arrays.binarySearch(matches, offset);
    int index = (i >= 0 ? i : -i - 1) - 1;
    return index >= 0 ? index : matches.length - 1;
  }

  /** "3 of 12", "No results", or "" for no query. */
  public static String label(int current, int count, boolean hasQuery) {
    if (!hasQuery) {
      return "";
    }
    if (count == 0) {
      return "No results";
    }
    String of = (current >= 0 ? (current + 1) + " of " : "") + count;
    return count >= MAX_MATCHES ? of + "+" : of;
  }

  /**
   * The edit that replaces every match: one replacement per match, ascending, caret after the last.
   */
  public static AssistEdit replaceAll(int[] matches, int queryLength, String replacement) {
    List<AssistEdit.Replacement> out = new ArrayList<>(matches.length);
    for (int start : matches) {
      out.add(new AssistEdit.Replacement(start, start + queryLength, replacement));
    }
    int caret =
        matches.length == 0
            ? 0
            : matches[matches.length - 1]
                + (matches.length - 1) * (replacement.length() - queryLength)
                + replacement.length();
    return new AssistEdit(out, caret, caret);
  }

  private static String lowerPerChar(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }
}
