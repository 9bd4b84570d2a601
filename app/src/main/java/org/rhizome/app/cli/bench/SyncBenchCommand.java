package org.rhizome.app.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code rhizome bench sync}: sync figures between real replicas on loopback (never the user's
 * data).
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Real replicas of a shared workspace syncing over libp2p on loopback, in a temporary directory.",
      "For each peer count: edit-to-applied latency p50/p99 at a steady rate, sustained changes/s end to end,",
      "and time to converge after a partition heals; then the catch-up time of a fresh peer."
    })
public final class SyncBenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--peers",
      split = ",",
      defaultValue = "2,5",
      description = "Peer counts (default: ${DEFAULT-VALUE}).")
  private List<Integer> peers = new ArrayList<>();

  @Option(
      names = "--rate",
      defaultValue = "100",
      description = "Steady edits per second for the latency (default: ${DEFAULT-VALUE}).")
  private int rate;

  @Option(
      names = "--edits",
      defaultValue = "1000",
      description = "Edits timed at the steady rate (default: ${DEFAULT-VALUE}).")
  private int edits;

  @Option(
      names = "--changes",
      defaultValue = "20000",
      description = "Changes in the sustained burst (default: ${DEFAULT-VALUE}).")
  private int changes;

  @Option(
      names = "--catchup",
      defaultValue = "100000",
      description = "Changes a fresh peer catches up on; 0 skips (default: ${DEFAULT-VALUE}).")
  private int catchup;

  @Option(names = "--json", description = "Print one JSON document instead of a table.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    for (int n : peers) {
      if (n < 2 || n > 10) {
        throw new ParameterException(
            spec.commandLine(), "--peers: each count must be 2 to 10, not " + n + ".");
      }
    }
    if (rate < 1 || edits < 10 || changes < 10 || catchup < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate must be at least 1, --edits and --changes at least 10, --catchup at least 0.");
    }
    Path work = Files.createTempDirectory("rhizome-bench-sync");
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      SyncBench bench = new SyncBench(work, System.err, rate, edits, changes);
      List<Map<String, Object>> runs = new ArrayList<>();
      for (int n : peers) {
        runs.add(bench.runPeers(n));
      }
      result.put("runs", runs);
      result.put("catchup", catchup == 0 ? null : bench.catchUp(catchup));
    } finally {
      WorkFiles.deleteTree(work);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonOutput.write(result));
    } else {
      printTable(out, result);
    }
    out.flush();
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static void printTable(PrintWriter out, Map<String, Object> result) {
    out.printf(
        "%-6s %-26s %-24s %-18s%n",
        "peers", "latency p50 / p99 (ms)", "sustained changes/s", "partition heal (ms)");
    for (Map<String, Object> run : (List<Map<String, Object>>) result.get("runs")) {
      Map<String, Object> lat = (Map<String, Object>) run.get("latency");
      Map<String, Object> sus = (Map<String, Object>) run.get("sustained");
      Map<String, Object> part = (Map<String, Object>) run.get("partition");
      out.printf(
          "%-6s %-26s %-24s %-18s%n",
          run.get("peers"),
          lat.get("p50_ms") + " / " + lat.get("p99_ms") + " @" + lat.get("rate_per_s") + "/s",
          sus.get("changes_per_s") + " (" + sus.get("changes") + ")",
          part.get("converge_ms"));
    }
    Map<String, Object> c = (Map<String, Object>) result.get("catchup");
    if (c != null) {
      out.printf(
          "catch-up of a fresh peer: %s changes in %s s (%s changes/s)%n",
          c.get("changes"), c.get("seconds"), c.get("changes_per_s"));
    }
  }
}
