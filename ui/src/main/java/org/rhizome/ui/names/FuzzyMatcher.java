package org.rhizome.ui.names;

import java.util.Locale;

/**
 * Scores how well a typed query matches a name, as quick switchers do: the query's characters must
 * appear in the name in order (case ignored); matches that are consecutive, at the start of a word,
 * or at the start of the name score higher, and shorter names win ties. Higher is better; a name
 * that does not contain the query in order scores {@link #NO_MATCH}.
 *
 * <p>Pure and thread-safe. Cost: one pass over the name.
 */
public final class FuzzyMatcher {
  public static final int NO_MATCH = Integer.MIN_VALUE;

  private final char[] query;

  public FuzzyMatcher(String query) {
    this.query = query.strip().toLowerCase(Locale.ROOT).toCharArray();
  }

  public boolean isEmpty() {
    return query.length == 0;
  }

  /** The score of {@code lowerName} (already lower-cased, as the index keeps it). */
  public int score(String lowerName) {
    if (query.length == 0) {
      return 0;
    }
    int score = 0;
    int q = 0;
    int lastMatch = -2;
    int n = lowerName.length();
    for (int i = 0; i < n && q < query.length; i++) {
      char c = lowerName.charAt(i);
      if (c != query[q]) {
        continue;
      }
      int bonus = 1;
      if (i == 0) {
        bonus += 8;
      } else if (!Character.isLetterOrDigit(lowerName.charAt(i - 1))) {
        bonus += 6;
      }
      if (lastMatch == i - 1) {
        bonus += 5;
      }
      score += bonus;
      lastMatch = i;
      q++;
    }
    if (q < query.length) {
      return NO_MATCH;
    }
    if (lowerName.startsWith(new String(query))) {
      score += 20;
    }
    return score * 64 - Math.min(n, 63);
  }
}
