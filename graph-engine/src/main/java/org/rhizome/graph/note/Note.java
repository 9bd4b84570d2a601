package org.rhizome.graph.note;

import java.util.List;
import org.rhizome.graph.Soul;

/** A note as it is now: its id, title, Markdown body, times (ms since the epoch), tags and aliases. */
public record Note(Soul soul, String title, String body, long created, long modified, List<String> tags,
                   List<String> aliases) {
  public Note {
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
  }
}
