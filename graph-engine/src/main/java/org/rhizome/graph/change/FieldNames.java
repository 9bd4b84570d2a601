package org.rhizome.graph.change;

import java.nio.charset.StandardCharsets;

/** The rule for field names: 1..{@value #MAX_BYTES} bytes of UTF-8 with no control characters. */
public final class FieldNames {
  public static final int MAX_BYTES = 256;

  private FieldNames() {}

  public static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > MAX_BYTES) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
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
