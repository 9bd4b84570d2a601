package org.rhizome.graph.markdown;

import java.util.List;
import java.util.Optional;

/**
 * The Markdown syntax of {@code [from, to)} of a note's text, from {@link MarkdownSpans}.
 *
 * @param from where the part starts (a line start)
 * @param to where it ends (a line start or the end of the text)
 * @param spans every span in the part, ordered by start (then longest first); they nest, never
 *     cross in a way that matters to a reader
 * @param links the wikilinks, embeds and Markdown links to vault files in the part, exactly as the
 *     index stores them (line numbers are those of the whole text)
 */
public record NoteSpans(int from, int to, List<MarkdownSpan> spans, List<WikiLink> links) {

  public NoteSpans {
    spans = List.copyOf(spans);
    links = List.copyOf(links);
  }

  /** The link whose brackets (or text and destination) contain {@code offset}, ends included. */
  public Optional<WikiLink> linkAt(int offset) {
    for (WikiLink link : links) {
      if (offset >= link.start() && offset <= link.end()) {
        return Optional.of(link);
      }
    }
    return Optional.empty();
  }
}
