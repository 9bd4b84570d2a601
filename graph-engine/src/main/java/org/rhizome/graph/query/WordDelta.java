package org.rhizome.graph.query;

import java.util.HashMap;
import java.util.Map;

/**
 * The size of a change between two texts in words: how many words were added and how many removed.
 * The common start and end are skipped first (widened to whole words), then the words of the
 * differing middles are counted as multisets, so a word typed into a sentence is +1, a word
 * replaced is +1 −1, and a word moved elsewhere within the middle counts as neither. Linear time.
 *
 * <p>A word is a run of letters, digits, marks, {@code _} or an apostrophe between letters.
 */
public record WordDelta(int added, int removed) {
  public static final WordDelta NONE = new WordDelta(0, 0);

  public static WordDelta between(String before, String after) {
    int n = before.length();
    int m = after.length();
    int start = 0;
    int limit = Math.min(n, m);
    while (start < limit && before.charAt(start) == after.charAt(start)) {
      start++;
    }
    if (start == n && start == m) {
      return NONE;
    }
    int end = 0; // common suffix length, not overlapping the prefix
    while (end < limit - start && before.charAt(n - 1 - end) == after.charAt(m - 1 - end)) {
      end++;
    }
    // Widen to whole words: a word cut by either boundary is counted as changed.
    while (start > 0 && isWordChar(before.charAt(start - 1))) {
      start--;
    }
    while (end > 0 && isWordChar(before.charAt(n - end))) {
      end--;
    }
    Map<String, Integer> counts = new HashMap<>();
    count(before.substring(start, n - end), counts, 1);
    count(after.substring(start, m - end), counts, -1);
    int added = 0;
    int removed = 0;
    for (int c : counts.values()) {
      if (c > 0) {
        removed += c;
      } else {
        added -= c;
      }
    }
    return new WordDelta(added, removed);
  }

  private static void count(String text, Map<String, Integer> counts, int sign) {
    int i = 0;
    while (i < text.length()) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int from = i;
      while (i < text.length()
          && (isWordChar(text.charAt(i))
              || (text.charAt(i) == '\''
                  && i + 1 < text.length()
                  && Character.isLetter(text.charAt(i + 1))))) {
        i++;
      }
      counts.merge(text.substring(from, i), sign, Integer::sum);
    }
  }

  private static boolean isWordChar(char ch) {
    if (Character.isLetterOrDigit(ch) || ch == '_' || Character.isSurrogate(ch)) {
      return true;
    }
    int type = Character.getType(ch);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** "+3 −1 words", "+1 word", "no words changed". */
  public String describe() {
    if (added == 0 && removed == 0) {
      return "no words changed";
    }
    StringBuilder out = new StringBuilder();
    if (added > 0) {
      out.append('+').append(added);
    }
    if (removed > 0) {
      out.append(out.length() > 0 ? " " : "").append('−').append(removed);
    }
    return out.append(added + removed == 1 ? " word" : " words").toString();
  }
}
