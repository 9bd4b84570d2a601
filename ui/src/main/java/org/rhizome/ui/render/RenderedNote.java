package org.rhizome.ui.render;

import java.util.Set;

/**
 * A note rendered: the HTML of its body, which bundled scripts the page needs, and the notes it
 * links to and embeds (by id), so a view can render again when one of those changes and an export
 * can list backlinks.
 */
public record RenderedNote(
    String html, Set<Feature> features, Set<String> linkedNotes, Set<String> embeddedNotes) {

  /** What a page needs beyond its style sheet. */
  public enum Feature {
    MATH,
    MERMAID,
    CODE
  }
}
