package org.rhizome.graph.encoding;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The little JSON the query index and SQLite's json_group_array exchange: arrays of strings,
 * numbers, booleans, null and nested arrays. Not a general JSON library.
 */
public final class Json {
  private Json() {}

  public static String array(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, items.get(i));
    }
    return sb.append(']').toString();
  }

  public static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Reads one value: String, Double, Boolean, null or List of those. */
  public static @Nullable Object parse(String json) {
    int[] at = {0};
    return value(json, at);
  }

  private static @Nullable Object value(String s, int[] at) {
    skip(s, at);
    char c = s.charAt(at[0]);
    if (c == '[') {
      at[0]++;
      List<Object> out = new ArrayList<>();
      skip(s, at);
      if (s.charAt(at[0]) == ']') {
        at[0]++;
        return out;
      }
      while (true) {
        out.add(value(s, at));
        skip(s, at);
        char d = s.charAt(at[0]++);
        if (d == ']') {
          return out;
        }
      }
    }
    if (c == '"') {
      StringBuilder sb = new StringBuilder();
      int i = at[0] + 1;
      while (true) {
        char d = s.charAt(i++);
        if (d == '"') {
          break;
        }
        if (d == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> sb.append(e);
          }
        } else {
          sb.append(d);
        }
      }
      at[0] = i;
      return sb.toString();
    }
    if (s.startsWith("null", at[0])) {
      at[0] += 4;
      return null;
    }
    if (s.startsWith("true", at[0])) {
      at[0] += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", at[0])) {
      at[0] += 5;
      return Boolean.FALSE;
    }
    int i = at[0];
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    double d = Double.parseDouble(s.substring(at[0], i));
    at[0] = i;
    return d;
  }

  private static void skip(String s, int[] at) {
    while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
      at[0]++;
    }
  }
}
