package org.rhizome.ui.properties;

import java.util.List;
import org.rhizome.graph.markdown.YamlScalars;

/**
 * Writes a property back as YAML lines the way Obsidian writes them: {@code key: value} for a
 * scalar, {@code key:} and {@code - item} lines for a list; each string written by the engine's
 * {@link YamlScalars}, quoted only when YAML would read it as something else.
 */
final class YamlValues {
  private YamlValues() {}

  static String line(String key, RowKind type, Object value, String lineBreak) {
    String k = scalar(key);
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

  /** A string as a YAML scalar: the engine's writer, the one the board's property edit uses. */
  static String scalar(String s) {
    return YamlScalars.write(s);
  }
}
