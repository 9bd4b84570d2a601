package org.rhizome.graph.text;

/** Checks and converts UTF-16 strings to code points, refusing lone surrogates. */
final class CodePoints {
  private CodePoints() {}

  /**
   * The number of code points in {@code s}. @throws IllegalArgumentException on a lone surrogate
   */
  static int countWellFormed(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++, n++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("lone surrogate at UTF-16 index " + i);
      }
    }
    return n;
  }

  /** The code points of a string already known to be well-formed. */
  static int[] of(String s) {
    int n = s.length();
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n) {
        out[k++] = Character.toCodePoint(c, s.charAt(++i));
      } else {
        out[k++] = c;
      }
    }
    return k == n ? out : java.util.Arrays.copyOf(out, k);
  }
}
