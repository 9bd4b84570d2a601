package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.WorkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench graph}: the graph view's layout time and frame rate on a generated
 * workspace.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a workspace of N notes in a temporary directory, open the global graph view",
      "in a window, and print, as JSON: the time to read the graph, the layout's time to settle, and",
      "frames per second while it lays out and while the camera zooms and pans over the settled graph.",
      "Needs a display (on a server: xvfb-run -a rhizome bench graph)."
    })
public final class GraphBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--notes",
      defaultValue = "10000",
      description = "Number of notes (default: ${DEFAULT-VALUE}).")
  int notes;

  @Option(
      names = "--seconds",
      defaultValue = "6",
      description = "How long to measure the settled graph (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--dark", description = "Use the dark theme.")
  boolean dark;

  @Option(
      names = "--snapshot",
      description = "Also save a PNG of the window after the layout settles.")
  Path snapshot;

  @Option(
      names = "--dir",
      description =
          "Directory for the benchmark's files (default: a temporary directory, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (notes < 10 || seconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--notes must be at least 10 and --seconds at least 1");
    }
    boolean temporary = dir == null;
    Path work =
        temporary ? Files.createTempDirectory("rhizome-bench") : Files.createDirectories(dir);
    try {
      Map<String, Object> result =
          new GraphBench(notes, seconds, dark, snapshot, work, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      if (temporary) {
        WorkFiles.deleteTree(work);
      }
    }
  }
}
