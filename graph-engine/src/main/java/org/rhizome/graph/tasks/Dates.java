package org.rhizome.graph.tasks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates as tasks, front matter and queries write them ({@code 2026-12-24}, optionally {@code
 * 2026-12-24T09:30} or {@code 2026-12-24 09:30:00}), held as epoch milliseconds in UTC so that the
 * derived index is the same on every replica whatever its time zone. A plain date is its UTC
 * midnight; "today" is the local calendar date's UTC midnight, so {@code due = today()} works.
 */
public final class Dates {
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?(?:Z|[+-]00:?00)?");

  public static final long DAY_MILLIS = 86_400_000L;

  private Dates() {}

  /**
   * The instant {@code text} names, whole (surrounding blanks allowed); null if it is not a date.
   */
  public static @Nullable Long parse(String text) {
    Matcher m = DATE.matcher(text.strip());
    return m.matches() ? of(m) : null;
  }

  /**
   * The date at the start of {@code text} from {@code from}; the end of the match is in {@code
   * end[0]}.
   */
  static @Nullable Long parseAt(CharSequence text, int from, int[] end) {
    Matcher m = DATE.matcher(text);
    m.region(from, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    Long v = of(m);
    if (v != null) {
      end[0] = m.end();
    }
    return v;
  }

  private static @Nullable Long of(Matcher m) {
    try {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (m.group(4) == null) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      LocalDateTime t =
          d.atTime(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeException e) {
      return null; // 2026-02-30 is not a date
    }
  }

  /** {@code 2026-12-24} for a UTC midnight, else {@code 2026-12-24T09:30:00Z}. */
  public static String format(long millis) {
    if (Math.floorMod(millis, DAY_MILLIS) == 0) {
      return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY_MILLIS)).toString();
    }
    return java.time.Instant.ofEpochMilli(millis).toString();
  }

  /** The UTC midnight of the local calendar day {@code millis} falls on in {@code zone}. */
  public static long dayOf(long millis, java.time.ZoneId zone) {
    LocalDate d = java.time.Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    return d.toEpochDay() * DAY_MILLIS;
  }
}
