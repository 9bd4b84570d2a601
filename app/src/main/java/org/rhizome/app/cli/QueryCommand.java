package org.rhizome.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.tasks.Dates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome query 'TEXT'}: runs a query of the query language (docs/queries.md) and prints its
 * result.
 */
@Command(
    name = "query",
    description = {
      "Ask the graph: run a query (see docs/queries.md).",
      "QUERY: table|list|tasks|count [columns] [from SOURCE] [where EXPR] [group by EXPR] [sort EXPR [desc], …] [limit N]",
      "  e.g. 'table rating, due from #project where status != \"done\" sort due'"
    })
final class QueryCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "The query; several words are joined by spaces.")
  private List<String> words;

  /** A task in JSON: line numbers start at 1; dates are YYYY-MM-DD or null. */
  record TaskJson(
      int line,
      String status,
      boolean completed,
      String text,
      @Nullable String due,
      @Nullable String scheduled,
      @Nullable String start,
      @Nullable String done,
      @Nullable String created,
      int priority,
      List<String> tags,
      List<String> links) {}

  record RowJson(
      @Nullable String id,
      String title,
      String folder,
      @Nullable Object group,
      List<@Nullable Object> values,
      @Nullable TaskJson task) {}

  record ResultJson(
      String query,
      String kind,
      List<String> columns,
      long count,
      boolean grouped,
      List<RowJson> rows,
      List<String> warnings) {}

  @Override
  public Integer call() throws Exception {
    String text = String.join(" ", words);
    QueryResult result;
    try (Workspace workspace = cli.openWorkspace()) {
      result = workspace.query(text);
    } catch (QueryException e) {
      throw new InvalidInputException("The query is not valid: " + e.getMessage() + ".", e);
    }
    if (cli.isJson()) {
      cli.printJson(json(text, result));
      return ExitCodes.OK;
    }
    print(cli, result);
    return ExitCodes.OK;
  }

  static ResultJson json(String text, QueryResult r) {
    List<RowJson> rows = new ArrayList<>();
    for (QueryResult.Row row : r.rows()) {
      List<Object> values = new ArrayList<>();
      for (Object v : row.values()) {
        values.add(jsonValue(v));
      }
      rows.add(
          new RowJson(
              row.note() == null ? null : row.note().value(),
              row.title(),
              row.folder(),
              jsonValue(row.group()),
              values,
              row.task() == null ? null : task(row.task())));
    }
    return new ResultJson(
        text,
        r.kind().name().toLowerCase(java.util.Locale.ROOT),
        r.columns(),
        r.count(),
        r.grouped(),
        rows,
        r.warnings());
  }

  static TaskJson task(QueryResult.TaskRow t) {
    return new TaskJson(
        t.line() + 1,
        String.valueOf(t.mark()),
        t.completed(),
        t.text(),
        date(t.due()),
        date(t.scheduled()),
        date(t.start()),
        date(t.done()),
        date(t.created()),
        t.priority(),
        t.tags(),
        t.links());
  }

  private static @Nullable String date(@Nullable Long millis) {
    return millis == null ? null : Dates.format(millis);
  }

  /** Dates as ISO text, links as "[[Target]]", whole numbers as integers, lists as arrays. */
  static @Nullable Object jsonValue(@Nullable Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    if (v instanceof QueryResult.DateValue || v instanceof QueryResult.LinkValue) {
      return v.toString();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(jsonValue(o));
      }
      return out;
    }
    return v;
  }

  static void print(CliContext cli, QueryResult r) {
    for (String w : r.warnings()) {
      cli.err().println("warning: " + w);
    }
    switch (r.kind()) {
      case COUNT -> {
        if (!r.grouped()) {
          cli.out().println(r.count());
          return;
        }
        TextTable table = new TextTable(false, true);
        for (QueryResult.Row row : r.rows()) {
          table.row(groupName(row.group()), QueryResult.text(row.values().get(0)));
        }
        table.print(cli.out(), "");
      }
      case TASKS -> {
        for (QueryResult.Group g : r.groups()) {
          String indent = groupHeading(cli, r, g);
          for (QueryResult.Row row : g.rows()) {
            QueryResult.TaskRow t = row.task();
            StringBuilder line =
                new StringBuilder(indent)
                    .append("- [")
                    .append(t.mark())
                    .append("] ")
                    .append(t.text());
            if (t.due() != null) {
              line.append("  due ").append(Dates.format(t.due()));
            }
            line.append("  (").append(row.title()).append(':').append(t.line() + 1).append(')');
            cli.out().println(line);
          }
        }
        if (r.rows().isEmpty()) {
          cli.out().println("No tasks match.");
        }
      }
      default -> {
        if (r.rows().isEmpty()) {
          cli.out().println("No notes match.");
          return;
        }
        for (QueryResult.Group g : r.groups()) {
          String indent = groupHeading(cli, r, g);
          boolean[] right = new boolean[1 + r.columns().size()];
          for (int i = 0; i < r.columns().size(); i++) {
            int col = i;
            right[i + 1] =
                g.rows().stream()
                    .allMatch(
                        x -> x.values().get(col) == null || x.values().get(col) instanceof Double);
          }
          TextTable table = new TextTable(right);
          if (!r.columns().isEmpty() && r.kind() == org.rhizome.graph.query.lang.Ast.Kind.TABLE) {
            List<String> head = new ArrayList<>();
            head.add("note");
            head.addAll(r.columns());
            table.row(head.toArray(String[]::new));
          }
          for (QueryResult.Row row : g.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.title());
            for (Object v : row.values()) {
              cells.add(QueryResult.text(v));
            }
            table.row(cells.toArray(String[]::new));
          }
          table.print(cli.out(), indent);
        }
      }
    }
  }

  private static String groupHeading(CliContext cli, QueryResult r, QueryResult.Group g) {
    if (!r.grouped()) {
      return "";
    }
    cli.out().println(groupName(g.key()) + ":");
    return "  ";
  }

  private static String groupName(@Nullable Object key) {
    return key == null ? "(none)" : QueryResult.text(key);
  }
}
