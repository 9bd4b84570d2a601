package org.rhizome.graph.change;

import java.nio.charset.StandardCharsets;

/**
 * The rule for field names: 1..{@value #MAX_BYTES} bytes of UTF-8, no control characters, no lone
 * surrogates.
 */
public final class FieldNames {
  public static final int MAX_BYTES = 256;

  private FieldNames() {}

  public static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > MAX_BYTES) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isISOControl(ch)) {
        return false;
      }
      if (Character.isHighSurrogate(ch)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(ch)) {
        return false;
      }
    }
    return name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  static void check(String name) {
    if (name == null || !isValid(name)) {
      throw new IllegalArgumentException("not a valid field name: " + name);
    }
  }
}
