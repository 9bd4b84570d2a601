package org.rhizome.graph.query.lang;

import java.util.List;
import java.util.regex.Pattern;
import org.rhizome.graph.encoding.Json;
import org.rhizome.graph.note.PropertyRows;
import org.rhizome.graph.text.Splice;

/**
 * Sets one top-level front-matter property of a note to a text value as a small edit of its text
 * (what dragging a card to another column of a board does): the key's line and the indented or
 * {@code - item} lines under it are replaced, everything else stays byte for byte; a missing key is
 * added before the closing {@code ---}; a note without front matter gets a block at its top. Keys
 * match as queries match them (case-folded). Splices are in code points.
 */
public final class PropertyEdit {
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_ ./-]*");

  private PropertyEdit() {}

  /**
   * The splices that make {@code key} hold {@code value} (text, a number, true/false, or a date as
   * a query gives it).
   */
  public static List<Splice> set(String body, String key, Object value) {
    String line = key + ": " + yaml(value);
    String nl = body.contains("\r\n") ? "\r\n" : "\n";
    int first = lineEnd(body, 0);
    if (!body.substring(0, first).strip().equals("---") || first >= body.length()) {
      return List.of(new Splice(0, 0, "---" + nl + line + nl + "---" + nl));
    }
    String wanted = PropertyRows.key(key);
    int at = next(body, first);
    while (at < body.length()) {
      int eol = lineEnd(body, at);
      String text = body.substring(at, eol);
      if (text.strip().equals("---") || text.strip().equals("...")) {
        return List.of(cp(body, at, at, line + nl));
      }
      int colon = text.indexOf(':');
      if (colon > 0
          && !Character.isWhitespace(text.charAt(0))
          && text.charAt(0) != '#'
          && text.charAt(0) != '-'
          && PropertyRows.key(unquote(text.substring(0, colon))).equals(wanted)) {
        int end = eol;
        int k = next(body, eol);
        while (k < body.length()) { // the value's own lines: indented, or "- item" lines
          int e = lineEnd(body, k);
          String l = body.substring(k, e);
          if (!(l.startsWith(" ") || l.startsWith("\t") || l.startsWith("- ") || l.equals("-"))) {
            break;
          }
          end = e;
          k = next(body, e);
        }
        String keep = text.substring(0, colon);
        return List.of(cp(body, at, end, keep + ": " + yaml(value)));
      }
      at = next(body, eol);
    }
    return List.of(
        cp(body, body.length(), body.length(), nl + line + nl + "---" + nl)); // an unclosed block
  }

  private static Splice cp(String body, int from, int to, String text) {
    return new Splice(body.codePointCount(0, from), body.codePointCount(from, to), text);
  }

  private static String unquote(String k) {
    String s = k.strip();
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** The value as YAML: plain when it reads back as the same text, else double-quoted. */
  static String yaml(Object value) {
    if (value instanceof Double
        || value instanceof Boolean
        || value instanceof QueryResult.DateValue) {
      return QueryResult.text(value);
    }
    if (value instanceof QueryResult.LinkValue l) {
      return yaml("[[" + l.target() + "]]");
    }
    String v = String.valueOf(value);
    if (PLAIN.matcher(v).matches()
        && !v.endsWith(" ")
        && !v.matches("(?i)true|false|yes|no|null|~|[-+]?[0-9.]+")) {
      return v;
    }
    StringBuilder sb = new StringBuilder();
    Json.string(sb, v);
    return sb.toString();
  }

  private static int lineEnd(String s, int from) {
    int eol = s.indexOf('\n', from);
    int end = eol < 0 ? s.length() : eol;
    return end > from && s.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int next(String s, int lineEnd) {
    if (lineEnd < s.length() && s.charAt(lineEnd) == '\r') {
      lineEnd++;
    }
    return lineEnd < s.length() ? lineEnd + 1 : s.length();
  }
}
