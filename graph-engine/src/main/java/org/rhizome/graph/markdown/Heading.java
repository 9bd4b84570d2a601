package org.rhizome.graph.markdown;

import java.util.Objects;

/**
 * A heading of a note (ATX {@code ## Text} or Setext {@code Text\n===}).
 *
 * @param level 1 to 6
 * @param text the heading's plain text without Markdown markup (emphasis, code ticks, link
 *     destinations), each run of whitespace (also the line break of a two-line Setext heading) made
 *     one space, trimmed; never blank (empty headings are not reported). Wikilinks and tags in a
 *     heading stay as written ({@code [[Note]]}, {@code #tag}).
 * @param line 0-based line where the heading starts
 */
public record Heading(int level, String text, int line) {

  public Heading {
    Objects.requireNonNull(text, "text");
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("heading level " + level + " not in 1..6");
    }
  }
}
