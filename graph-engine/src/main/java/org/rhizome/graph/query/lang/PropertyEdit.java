package org.rhizome.graph.query.lang;

import java.util.List;
import java.util.Optional;
import org.rhizome.graph.markdown.FrontMatterLines;
import org.rhizome.graph.markdown.YamlScalars;
import org.rhizome.graph.note.PropertyRows;
import org.rhizome.graph.text.Splice;

/**
 * Sets one top-level front-matter property of a note to a text value as a small edit of its text
 * (what dragging a card to another column of a board does): the key's line and the indented or
 * {@code - item} lines under it are replaced, everything else stays byte for byte; a missing key is
 * added before the closing {@code ---}; a note without front matter (a block never closed is none,
 * as for the index) gets a block at its top. The key's lines are found as the properties table
 * finds them ({@link FrontMatterLines}); keys match as queries match them (case-folded). Splices
 * are in code points.
 */
public final class PropertyEdit {
  private PropertyEdit() {}

  /**
   * The splices that make {@code key} hold {@code value} (text, a number, true/false, or a date as
   * a query gives it).
   */
  public static List<Splice> set(String body, String key, Object value) {
    String yaml = yaml(value);
    String nl = body.contains("\r\n") ? "\r\n" : "\n";
    Optional<FrontMatterLines> block = FrontMatterLines.find(body);
    if (block.isEmpty()) {
      return List.of(new Splice(0, 0, "---" + nl + key + ": " + yaml + nl + "---" + nl));
    }
    String wanted = PropertyRows.key(key);
    for (FrontMatterLines.Entry e : block.get().entries()) {
      if (PropertyRows.key(e.key()).equals(wanted)) {
        // The key as written (its case, its quotes) stays; its value lines go, their last line
        // break stays.
        int end = e.end();
        end -= end > e.start() && body.charAt(end - 1) == '\n' ? 1 : 0;
        end -= end > e.start() && body.charAt(end - 1) == '\r' ? 1 : 0;
        String written = body.substring(e.start(), body.indexOf(':', e.start()));
        return List.of(cp(body, e.start(), end, written + ": " + yaml));
      }
    }
    int close = block.get().contentEnd();
    return List.of(cp(body, close, close, key + ": " + yaml + nl));
  }

  private static Splice cp(String body, int from, int to, String text) {
    return new Splice(body.codePointCount(0, from), body.codePointCount(from, to), text);
  }

  /**
   * The value as YAML: a number, boolean or date as the query gives it; text as {@link YamlScalars}
   * writes it (plain when it reads back as the same text, else double-quoted).
   */
  static String yaml(Object value) {
    if (value instanceof Double
        || value instanceof Boolean
        || value instanceof QueryResult.DateValue) {
      return QueryResult.text(value);
    }
    if (value instanceof QueryResult.LinkValue l) {
      return yaml("[[" + l.target() + "]]");
    }
    return YamlScalars.write(String.valueOf(value));
  }
}
