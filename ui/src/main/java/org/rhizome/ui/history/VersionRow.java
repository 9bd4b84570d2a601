package org.rhizome.ui.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rhizome.graph.query.BodyVersion;
import org.rhizome.graph.query.TextVersionInfo;

/**
 * A version as the list shows it: a group of edits by one author (see {@link
 * org.rhizome.graph.query.EditGrouping}), when it ended (to the second), who, its size in words,
 * whether it was a restore, and whether it is the current text.
 */
record VersionRow(BodyVersion group, AuthorNames.Author author, boolean current) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

  /** The text this version ends with: what "Restore" brings back and the diffs compare. */
  TextVersionInfo version() {
    return group.last();
  }

  /**
   * "Today 14:03:12", "Yesterday 09:12:40", else "3 Mar 2026, 14:03:12", in the local time zone.
   */
  String when(ZoneId zone, LocalDate today) {
    return at(group.endedAt(), zone, today);
  }

  /** "+12 −3 words · 5 edits over 2 min", or "Restored an older version · −3 words". */
  String size() {
    StringBuilder out = new StringBuilder();
    if (group.restore()) {
      out.append("Restored · ");
    }
    out.append(group.words().describe());
    if (group.edits() > 1) {
      out.append(" · ").append(group.edits()).append(" edits");
      long span = (group.endedAt() - group.startedAt()) / 1000;
      if (span >= 60) {
        out.append(" over ").append(span / 60).append(" min");
      } else if (span > 0) {
        out.append(" over ").append(span).append(" s");
      }
    }
    return out.toString();
  }

  static String at(long millis, ZoneId zone, LocalDate today) {
    ZonedDateTime at = Instant.ofEpochMilli(millis).atZone(zone);
    if (at.toLocalDate().equals(today)) {
      return "Today " + TIME.format(at);
    }
    if (at.toLocalDate().equals(today.minusDays(1))) {
      return "Yesterday " + TIME.format(at);
    }
    return DATE.format(at);
  }
}
