package org.rhizome.ui.render;

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
    int fold) {

  /**
   * @param fold where the HTML of the first runs of blocks ends (about two screens): the HTML
   *     before it is whole elements, and a reading view shows it first ({@link HtmlPage#reading})
   */
  public RenderedNote {
    if (fold < 0 || fold > html.length()) {
      throw new IllegalArgumentException("fold " + fold + " is outside the HTML");
    }
  }

  /** A note not cut for showing in parts. */
  public RenderedNote(
      String html, Set<Feature> features, Set<String> linkedNotes, Set<String> embeddedNotes) {
    this(html, features, linkedNotes, embeddedNotes, html.length());
  }

  /** What a page needs beyond its style sheet. */
  public enum Feature {
    MATH,
    MERMAID,
    CODE
  }
}
