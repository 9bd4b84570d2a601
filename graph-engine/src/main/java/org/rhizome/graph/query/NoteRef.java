package org.rhizome.graph.query;

import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;

/**
 * A note as lists show it: id, title, when it was created and last changed (ms since the epoch),
 * and its folder ({@code ""} for the root, else e.g. {@code "Projects/2024"}).
 */
public record NoteRef(Soul soul, String title, long created, long modified, String folder) {

  /** A note in the root folder. */
  public NoteRef(Soul soul, String title, long created, long modified) {
    this(soul, title, created, modified, NoteFolders.ROOT);
  }

  /**
   * {@code folder/title}, or the title for a note in the root: how a vault names its file (without
   * {@code .md}).
   */
  public String path() {
    return NoteFolders.path(folder, title);
  }
}
