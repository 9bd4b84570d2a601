package org.rhizome.graph.markdown;

import java.util.Objects;

/**
 * One piece of Markdown syntax: {@code [start, end)} in the text that was passed in (UTF-16
 * offsets).
 *
 * @param level a heading's level (1 to 6); 0 for every other kind
 */
public record MarkdownSpan(SpanKind kind, int start, int end, int level) {

  public MarkdownSpan {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + kind + " " + start + ".." + end);
    }
  }

  MarkdownSpan(SpanKind kind, int start, int end) {
    this(kind, start, end, 0);
  }
}
