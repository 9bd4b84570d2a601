package org.rhizome.ui.render;

import java.util.List;
import java.util.Set;

/**
 * A note rendered: the HTML of its body, which bundled scripts the page needs, and the notes it
 * links to and embeds (by id), so a view can render again when one of those changes and an export
 * can list backlinks.
 */
public record RenderedNote(
    String html,
    Set<Feature> features,
    Set<String> linkedNotes,
    Set<String> embeddedNotes,
    int fold,
    List<Integer> segments) {

  /**
   * @param fold where the HTML of the first runs of blocks ends (about two screens): the HTML
   *     before it is whole elements, and a reading view shows it first ({@link HtmlPage#reading})
   * @param segments where the HTML of each run of blocks (and the list of footnotes) starts, in
   *     order, the first at 0: each is whole top-level elements, so a reading view can replace only
   *     those an edit changed ({@link PagePatch})
   */
  public RenderedNote {
    if (fold < 0 || fold > html.length()) {
      throw new IllegalArgumentException("fold " + fold + " is outside the HTML");
    }
    segments = List.copyOf(segments);
    if (segments.isEmpty() || segments.get(0) != 0) {
      throw new IllegalArgumentException("the first segment must start at 0");
    }
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i) < segments.get(i - 1) || segments.get(i) > html.length()) {
        throw new IllegalArgumentException("segment " + i + " is out of order or outside the HTML");
      }
    }
  }

  /** A note not cut for showing in parts. */
  public RenderedNote(
      String html, Set<Feature> features, Set<String> linkedNotes, Set<String> embeddedNotes) {
    this(html, features, linkedNotes, embeddedNotes, html.length(), List.of(0));
  }

  /** The HTML of segment {@code i}. */
  public String segment(int i) {
    int end = i + 1 < segments.size() ? segments.get(i + 1) : html.length();
    return html.substring(segments.get(i), end);
  }

  /** What a page needs beyond its style sheet. */
  public enum Feature {
    MATH,
    MERMAID,
    CODE
  }
}
