package org.rhizome.graph.note;

import java.util.List;
import org.rhizome.graph.model.Soul;

/**
 * A note as it is now: its id, title, Markdown body, times (ms since the epoch), tags, aliases and
 * folder ({@code ""} for the root).
 */
public record Note(
    Soul soul,
    String title,
    String body,
    long created,
    long modified,
    List<String> tags,
    List<String> aliases,
    String folder) {
  public Note {
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
  }

  /** A note in the root folder. */
  public Note(
      Soul soul,
      String title,
      String body,
      long created,
      long modified,
      List<String> tags,
      List<String> aliases) {
    this(soul, title, body, created, modified, tags, aliases, NoteFolders.ROOT);
  }

  /** {@code folder/title}, or the title for a note in the root. */
  public String path() {
    return NoteFolders.path(folder, title);
  }
}
