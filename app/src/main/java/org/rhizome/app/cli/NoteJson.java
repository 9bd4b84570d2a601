package org.rhizome.app.cli;

import java.time.Instant;
import java.util.List;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.NoteRef;

/** The JSON shapes of a note that several commands print. Times are ISO-8601 instants (UTC). */
final class NoteJson {
  private NoteJson() {}

  /** A note named in another result: its id and title. */
  record Name(String id, String title) {
    static Name of(NoteRef ref) {
      return new Name(ref.soul().value(), ref.title());
    }
  }

  /** A note in a list. */
  record Summary(String id, String title, String folder, String created, String modified) {
    static Summary of(NoteRef ref) {
      return new Summary(
          ref.soul().value(),
          ref.title(),
          ref.folder(),
          instant(ref.created()),
          instant(ref.modified()));
    }
  }

  /** A whole note. */
  record Full(
      String id,
      String title,
      String folder,
      String created,
      String modified,
      List<String> tags,
      List<String> aliases,
      String body) {
    static Full of(Note note) {
      return new Full(
          note.soul().value(),
          note.title(),
          note.folder(),
          instant(note.created()),
          instant(note.modified()),
          note.tags(),
          note.aliases(),
          note.body());
    }
  }

  static String instant(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
