package org.rhizome.ui.editor;

import java.util.Optional;
import org.rhizome.graph.markdown.MarkdownSpans;

/**
 * The link around an offset, as the editor follows it: {@code target} is the note's (or file's)
 * name as the index stores it (no heading, no alias), and {@code [start, end)} the whole link.
 */
public record WikiLinkAt(String target, int start, int end) {

  /**
   * The link that contains {@code column} of a line read on its own (brackets included), if any.
   * The editor asks {@link DocumentStyler#linkAt}, which knows the blocks around the line (code
   * fences).
   */
  public static Optional<WikiLinkAt> find(String line, int column) {
    return MarkdownSpans.of(line)
        .linkAt(Math.min(column, line.length()))
        .filter(link -> !link.target().isEmpty())
        .map(link -> new WikiLinkAt(link.target(), link.start(), link.end()));
  }
}
