package org.rhizome.ui.trash;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rhizome.graph.trash.TrashedNote;
import org.rhizome.ui.history.AuthorNames;

/**
 * A deleted note as the trash shows it: the note, and who deleted it, as a name and key
 * fingerprint.
 */
record TrashRow(TrashedNote note, AuthorNames.Author deletedBy) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  /** "Deleted by You · Today 14:03:12" (local time). */
  String byWhomAndWhen(ZoneId zone, LocalDate today) {
    ZonedDateTime at = Instant.ofEpochMilli(note.deletedAt()).atZone(zone);
    String when =
        at.toLocalDate().equals(today)
            ? "Today " + TIME.format(at)
            : at.toLocalDate().equals(today.minusDays(1))
                ? "Yesterday " + TIME.format(at)
                : DATE.format(at);
    return "Deleted by " + deletedBy.name() + " · " + when;
  }
}
