package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.WorkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench query}: the query language and task index on a generated workspace (never
 * the user's).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a workspace of N notes with properties, tags, links and tasks in a temporary directory and",
      "print, as JSON: what the query indexes cost during the import, p50/p95 of 1,000 mixed queries",
      "(overall and per kind), and the live re-run latency after an edit."
    })
public final class QueryBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--notes",
      defaultValue = "100000",
      description = "Number of notes (default: ${DEFAULT-VALUE}).")
  int notes;

  @Option(
      names = "--dir",
      description =
          "Directory for the benchmark's files (default: a temporary directory, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (notes < 10) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--notes must be at least 10");
    }
    boolean temporary = dir == null;
    Path work =
        temporary ? Files.createTempDirectory("rhizome-bench") : Files.createDirectories(dir);
    try {
      Map<String, Object> result = new QueryBench(notes, work, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      if (temporary) {
        WorkFiles.deleteTree(work);
      }
    }
  }
}
