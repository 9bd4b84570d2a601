package org.rhizome.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome tasks [--due today|week|overdue|DATE] [--done]}: the workspace's checklist items,
 * open ones by default, soonest due first. A shorthand for a {@code tasks} query.
 */
@Command(
    name = "tasks",
    description = {
      "Checklist items of all notes: open ones, soonest due first.",
      "Dates and priorities are read as Obsidian Tasks (📅 ⏳ 🛫 ✅ ➕, 🔺⏫🔼🔽⏬) and Dataview ([due:: 2026-12-24]) write them."
    })
final class TasksCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--due",
      paramLabel = "WHEN",
      description =
          "Only tasks due: today, week (within the next 7 days), overdue (before today, not done), or by DATE (YYYY-MM-DD).")
  private @Nullable String due;

  @Option(names = "--done", description = "Show done and cancelled tasks instead of open ones.")
  private boolean done;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N tasks (default: ${DEFAULT-VALUE}).")
  private int limit = 500;

  @Override
  public Integer call() throws Exception {
    cli.requirePositive("--limit", limit);
    String text = query();
    QueryResult result;
    try (Workspace workspace = cli.openWorkspace()) {
      result = workspace.query(text);
    } catch (QueryException e) {
      throw new IllegalStateException("the tasks query did not compile: " + text, e);
    }
    if (cli.isJson()) {
      cli.printJson(
          new Tasks(
              result.rows().stream()
                  .map(r -> new Task(r.note().value(), r.title(), QueryCommand.task(r.task())))
                  .toList()));
      return ExitCodes.OK;
    }
    QueryCommand.print(cli, result);
    return ExitCodes.OK;
  }

  record Task(String id, String title, QueryCommand.TaskJson task) {}

  record Tasks(List<Task> tasks) {}

  /** The tasks query these options make. */
  String query() {
    StringBuilder where = new StringBuilder(done ? "not open" : "open");
    if (due != null) {
      switch (due.toLowerCase(Locale.ROOT)) {
        case "today" -> where.append(" and due = today()");
        case "week" -> where.append(" and due >= today() and due < today() + days(7)");
        case "overdue" -> where.append(" and due < today()");
        default -> {
          try {
            LocalDate.parse(due);
          } catch (DateTimeParseException e) {
            throw new ParameterException(
                spec.commandLine(),
                "--due takes today, week, overdue or a date (YYYY-MM-DD), not '" + due + "'.");
          }
          where.append(" and due <= date(\"").append(due).append("\")");
        }
      }
    }
    return "tasks where " + where + " sort due, priority desc limit " + limit;
  }
}
