package org.rhizome.graph.note;

/** A note to create: its folder ({@code ""} for the root), title and Markdown body. */
public record NoteDraft(String folder, String title, String body) {

  /** A note in the root folder. */
  public NoteDraft(String title, String body) {
    this(NoteFolders.ROOT, title, body);
  }
}
