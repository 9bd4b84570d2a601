package org.rhizome.app.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.JsonOutput;
import org.rhizome.app.cli.common.WorkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench soak}: replicas on loopback editing, going offline and restarting for
 * minutes; ends converged, with nothing lost.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Real replicas of a shared workspace on loopback, in a temporary directory, for --minutes per peer count:",
      "random edits and notes on every peer, concurrent edits of one note that grows past the local edit limit,",
      "offline periods and restarts. Ends when every replica has one digest; prints changes lost (must be 0)",
      "and heap and file growth per hour. Exits 1 if anything was lost or the digests differ."
    })
public final class SoakBenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--minutes",
      defaultValue = "5",
      description = "Minutes of soak per peer count (default: ${DEFAULT-VALUE}).")
  private double minutes;

  @Option(
      names = "--peers",
      split = ",",
      defaultValue = "3,5",
      description = "Peer counts, 2 to 8 (default: ${DEFAULT-VALUE}).")
  private List<Integer> peers = new ArrayList<>();

  @Option(
      names = "--seed",
      defaultValue = "20261207",
      description = "Seed of the random edits (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--json", description = "Print one JSON document instead of lines.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    if (minutes <= 0 || minutes > 24 * 60) {
      throw new ParameterException(
          spec.commandLine(),
          "--minutes must be more than 0 and at most a day, not " + minutes + ".");
    }
    for (int n : peers) {
      if (n < 2 || n > 8) {
        throw new ParameterException(
            spec.commandLine(), "--peers: each count must be 2 to 8, not " + n + ".");
      }
    }
    List<Map<String, Object>> runs = new ArrayList<>();
    boolean clean = true;
    for (int n : peers) {
      Path work = Files.createTempDirectory("rhizome-bench-soak");
      try {
        Map<String, Object> run =
            new SoakBench(work, System.err, seed + n)
                .run(n, Duration.ofMillis(Math.round(minutes * 60_000)));
        clean &=
            Long.valueOf(0).equals(run.get("changesLost"))
                && Boolean.TRUE.equals(run.get("digestsEqual"));
        runs.add(run);
      } finally {
        WorkFiles.deleteTree(work);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("runs", runs);
      out.println(JsonOutput.write(result));
    } else {
      for (Map<String, Object> run : runs) {
        out.println(run);
      }
    }
    out.flush();
    return clean ? 0 : 1;
  }
}
