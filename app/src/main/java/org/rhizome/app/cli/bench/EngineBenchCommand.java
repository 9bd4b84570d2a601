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
 * {@code rhizome bench engine}: measures the graph engine on a generated workspace (never the
 * user's).
 */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a realistic workspace of N notes in a temporary directory and print, as JSON:",
      "notes/s created, remote changes/s applied, reopen time, search and backlinks latency,",
      "on-disk size against the raw text, and peak heap."
    })
public final class EngineBenchCommand implements Callable<Integer> {
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
      Map<String, Object> result = new EngineBench(notes, work, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      if (temporary) {
        WorkFiles.deleteTree(work);
      }
    }
  }
}
