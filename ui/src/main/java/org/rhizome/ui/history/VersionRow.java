package org.rhizome.ui.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.query.TextVersionInfo;

/** A version as the list shows it: when, who, and whether it is the current text. */
record VersionRow(TextVersionInfo version, AuthorNames.Author author, boolean current) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  /** "Today 14:03:12", "Yesterday 09:12:40", else "3 Mar 2026, 14:03", in the local time zone. */
  String when(ZoneId zone, LocalDate today) {
    ZonedDateTime at = Instant.ofEpochMilli(Hlc.millis(version.hlc())).atZone(zone);
    if (at.toLocalDate().equals(today)) {
      return "Today " + TIME.format(at);
    }
    if (at.toLocalDate().equals(today.minusDays(1))) {
      return "Yesterday " + TIME.format(at);
    }
    return DATE.format(at);
  }
}
