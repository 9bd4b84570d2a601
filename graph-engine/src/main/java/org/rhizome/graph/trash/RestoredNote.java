package org.rhizome.graph.trash;

import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;

/**
 * A note brought back from the trash: its title (the old one, or {@code "Old (restored)"} when a
 * live note of that folder took the title meanwhile) and folder.
 */
public record RestoredNote(Soul soul, String title, String folder, String formerTitle) {

  /** True when the note came back under another title because its own was taken. */
  public boolean retitled() {
    return !title.equals(formerTitle);
  }

  public String path() {
    return NoteFolders.path(folder, title);
  }
}
