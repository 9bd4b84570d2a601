package org.rhizome.graph.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each top-level key of a note's front matter is in the text, so a changed value replaces
 * exactly that key's lines (its {@code key:} line and the indented or {@code - item} lines under
 * it) and nothing else: comments, order and the other keys stay byte for byte. Used by the
 * properties table and by a board's drag (which sets one key), so both edit the same lines.
 *
 * @param contentStart offset of the first YAML line (after {@code ---\n})
 * @param contentEnd offset of the closing {@code ---} line
 * @param end offset just past the closing line
 */
public record FrontMatterLines(int contentStart, int contentEnd, int end, List<Entry> entries) {
  /**
   * One key's lines: {@code [start, end)}, {@code end} past the last line's line break (if it has
   * one).
   */
  public record Entry(String key, int start, int end) {}

  private static final Pattern KEY =
      Pattern.compile("([^\\s#:\\-'\"][^:]*?|\"[^\"]*\"|'[^']*')\\s*:(?:\\s|$).*");

  /**
   * The front matter block of {@code text}, if the text starts with one ({@code ---} line … {@code
   * ---} line).
   */
  public static Optional<FrontMatterLines> find(String text) {
    int first = lineEnd(text, 0);
    if (!text.substring(0, first).stripTrailing().equals("---") || first >= text.length()) {
      return Optional.empty();
    }
    int contentStart = next(text, first);
    List<Entry> entries = new ArrayList<>();
    String key = null;
    int keyStart = -1;
    int valueEnd =
        -1; // past the last line of the current key's value (comment and blank lines after it are
    // not its)
    int at = contentStart;
    while (at < text.length()) {
      int eol = lineEnd(text, at);
      String line = text.substring(at, eol);
      String trimmed = line.stripTrailing();
      if (trimmed.equals("---") || trimmed.equals("...")) {
        if (key != null) {
          entries.add(new Entry(key, keyStart, valueEnd));
        }
        return Optional.of(
            new FrontMatterLines(contentStart, at, next(text, eol), List.copyOf(entries)));
      }
      Matcher m = KEY.matcher(line);
      if (!line.isEmpty()
          && !Character.isWhitespace(line.charAt(0))
          && !line.startsWith("#")
          && m.matches()) {
        if (key != null) {
          entries.add(new Entry(key, keyStart, valueEnd));
        }
        key = unquote(m.group(1).strip());
        keyStart = at;
        valueEnd = next(text, eol);
      } else if (key != null && !trimmed.isBlank() && !trimmed.stripLeading().startsWith("#")) {
        valueEnd = next(text, eol); // an indented or "- item" line of the value
      }
      at = next(text, eol);
    }
    return Optional.empty(); // never closed: not front matter
  }

  public Optional<Entry> entry(String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  private static String unquote(String key) {
    if (key.length() >= 2
        && (key.startsWith("\"") && key.endsWith("\"")
            || key.startsWith("'") && key.endsWith("'"))) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }

  private static int lineEnd(String s, int from) {
    int n = s.indexOf('\n', from);
    int end = n < 0 ? s.length() : n;
    return end > from && s.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int next(String s, int lineEnd) {
    if (lineEnd < s.length() && s.charAt(lineEnd) == '\r') {
      lineEnd++;
    }
    return lineEnd < s.length() && s.charAt(lineEnd) == '\n' ? lineEnd + 1 : lineEnd;
  }
}
