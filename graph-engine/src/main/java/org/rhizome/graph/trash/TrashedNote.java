package org.rhizome.graph.trash;

import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;

/**
 * A deleted note as the trash lists it: its title and folder as they were, who deleted it (the
 * device whose {@code deleted = true} won, by last-writer-wins) and when (that write's hybrid
 * clock), how long its body is and its first line, for recognising it.
 */
public record TrashedNote(
    Soul soul,
    String title,
    String folder,
    long created,
    long deletedHlc,
    ActorId deletedBy,
    int bodyChars,
    String firstLine) {

  /** When it was deleted, in ms since the epoch (the deleting change's clock). */
  public long deletedAt() {
    return Hlc.millis(deletedHlc);
  }

  /** {@code folder/title}, or the title for a note of the root folder. */
  public String path() {
    return NoteFolders.path(folder, title);
  }
}
