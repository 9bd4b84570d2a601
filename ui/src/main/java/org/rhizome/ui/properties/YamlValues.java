package org.rhizome.ui.properties;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a property back as YAML lines the way Obsidian writes them: {@code key: value} for a
 * scalar, {@code key:} and {@code - item} lines for a list; strings quoted only when YAML would
 * read them as something else (a number, a boolean, a date where text was meant, a link's brackets,
 * a {@code #}, a {@code : }).
 */
final class YamlValues {
  private static final Pattern PLAIN_SAFE =
      Pattern.compile("[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`][^#]*");
  private static final Pattern LOOKS_TYPED =
      Pattern.compile(
          "(?i)true|false|yes|no|on|off|null|~|[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?|[-+]?\\.(inf|nan)|0x[0-9a-f]+|0o[0-7]+|\\d+:\\d+(:\\d+)?");

  private YamlValues() {}

  static String line(String key, PropertyType type, Object value, String lineBreak) {
    String k = plain(key) ? key : quote(key);
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return k + ": []" + lineBreak;
      }
      StringBuilder out = new StringBuilder(k).append(':').append(lineBreak);
      for (Object item : list) {
        out.append("  - ").append(scalar(String.valueOf(item))).append(lineBreak);
      }
      return out.toString();
    }
    String v =
        switch (type) {
          case CHECKBOX, NUMBER -> String.valueOf(value);
          case DATE ->
              String.valueOf(value); // an ISO date: YAML-safe as it is, and read back as a string
          default -> scalar(String.valueOf(value));
        };
    return v.isEmpty() ? k + ":" + lineBreak : k + ": " + v + lineBreak;
  }

  /** A string as a YAML scalar: plain when it reads back as the same string, else double-quoted. */
  static String scalar(String s) {
    return plain(s) ? s : quote(s);
  }

  private static boolean plain(String s) {
    return !s.isEmpty()
        && s.equals(s.strip())
        && PLAIN_SAFE.matcher(s).matches()
        && !s.contains(": ")
        && !s.endsWith(":")
        && !LOOKS_TYPED.matcher(s).matches()
        && s.chars().noneMatch(c -> c < 0x20);
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
