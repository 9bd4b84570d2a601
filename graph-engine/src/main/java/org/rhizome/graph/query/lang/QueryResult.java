package org.rhizome.graph.query.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;

/**
 * What a query found. Values in {@link Row#values} and group keys are plain: {@code null}, String,
 * Double, Boolean, {@link DateValue}, {@link LinkValue} or a List of those.
 *
 * @param columns the column names of a table (for a list with an expression, that one; else empty)
 * @param rows notes (table, list) or tasks (tasks) in result order; for a grouped count, one row
 *     per group whose single value is the count
 * @param count the number of matches (for count; for the others, the number of rows)
 * @param warnings sentences about parts of the query that matched nothing for a reason worth
 *     telling (a note named in the query that does not exist)
 */
public record QueryResult(
    Ast.Kind kind,
    List<String> columns,
    List<Row> rows,
    long count,
    boolean grouped,
    List<String> warnings) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** A date (epoch milliseconds; a plain date is its UTC midnight). */
  public record DateValue(long millis) {
    @Override
    public String toString() {
      return org.rhizome.graph.tasks.Dates.format(millis);
    }
  }

  /** A link-typed property value: the note it names. */
  public record LinkValue(String target) {
    @Override
    public String toString() {
      return "[[" + target + "]]";
    }
  }

  /** A task's own fields (in a tasks result). Dates are epoch ms or null. */
  public record TaskRow(
      int line,
      int markOffset,
      char mark,
      String text,
      @Nullable Long due,
      @Nullable Long scheduled,
      @Nullable Long start,
      @Nullable Long done,
      @Nullable Long created,
      int priority,
      List<String> tags,
      List<String> links) {
    public boolean completed() {
      return mark == 'x' || mark == 'X';
    }
  }

  /**
   * One result row: the note, the group key when grouped, the column values, and the task for a
   * tasks result.
   */
  public record Row(
      @Nullable Soul note,
      String title,
      String folder,
      @Nullable Object group,
      List<@Nullable Object> values,
      @Nullable TaskRow task) {
    public Row {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** Consecutive rows of one group. */
  public record Group(@Nullable Object key, List<Row> rows) {}

  /** The rows in their groups (one group with a null key when not grouped). */
  public List<Group> groups() {
    List<Group> out = new ArrayList<>();
    List<Row> current = null;
    Object key = null;
    for (Row r : rows) {
      if (current == null || !Objects.equals(key, r.group())) {
        current = new ArrayList<>();
        key = r.group();
        out.add(new Group(key, current));
      }
      current.add(r);
    }
    return out;
  }

  /**
   * How a value reads in text output: dates as 2026-12-24, whole numbers without ".0", lists
   * comma-separated.
   */
  public static String text(@Nullable Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return d.toString();
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(text(o));
      }
      return String.join(", ", parts);
    }
    return v.toString();
  }
}
