package org.rhizome.graph.model;

import java.util.Objects;

/**
 * The stable identity of a node. Souls are short printable ASCII strings (letters, digits, {@code -
 * _ . :}), at most {@value #MAX_LENGTH} characters, so that they can appear in URLs, file names and
 * logs unescaped.
 */
public record Soul(String value) implements Comparable<Soul> {
  public static final int MAX_LENGTH = 128;

  public Soul {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid soul: " + abbreviate(value));
    }
  }

  public static boolean isValid(String s) {
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? '"' + s + '"' : '"' + s.substring(0, 40) + "…\"";
  }

  @Override
  public int compareTo(Soul o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
