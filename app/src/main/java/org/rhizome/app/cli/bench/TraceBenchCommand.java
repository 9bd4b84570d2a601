package org.rhizome.app.cli.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench trace FILE}: replays an editing trace through the text CRDT and prints
 * figures as JSON.
 */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Replay an editing trace (editing-traces JSON, gzip or plain) through the text CRDT,",
      "check the final text equals endContent (exit 1 otherwise) and print, as JSON medians:",
      "apply ms, encode ms, encoded bytes, load ms, merge-into-empty-replica ms, retained heap bytes."
    })
public final class TraceBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace file (.json or .json.gz).")
  Path file;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Measured runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description =
          "Unmeasured warm-up runs first, so figures are those of a warmed JVM, as in the long-running app (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || warmup < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--runs must be ≥ 1 and --warmup ≥ 0");
    }
    TraceFile trace = TraceFile.read(file);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("trace", file.getFileName().toString());
    try {
      result.putAll(new TraceBench(trace, System.err).run(runs, warmup));
    } catch (TraceMismatchException e) {
      spec.commandLine().getErr().println("trace " + file + ": " + e.getMessage());
      return 1;
    }
    BenchJson.print(spec, result);
    return 0;
  }
}
