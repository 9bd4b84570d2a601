package org.rhizome.graph.markdown;

import java.util.Objects;

/**
 * One unlinked mention of a phrase, found by {@link LinkRewriter#findMentions}.
 *
 * @param start index (UTF-16) of the first char of the occurrence in the input
 * @param end index just past the occurrence; {@code input.substring(start, end)} equals the phrase
 *     ignoring case
 * @param line 0-based line of {@code start}
 * @param lineText the source line around the mention, trimmed, at most {@value
 *     MarkdownParser#MAX_LINE_TEXT} chars
 */
public record Mention(int start, int end, int line, String lineText) {

  public Mention {
    Objects.requireNonNull(lineText, "lineText");
    if (start < 0 || end < start || line < 0) {
      throw new IllegalArgumentException("bad offsets: " + start + ".." + end + " line " + line);
    }
  }
}
