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

  @Option(
      names = "--catchup-runs",
      defaultValue = "3",
      description =
          "Fresh peers that catch up, one after another, from the same source (default: ${DEFAULT-VALUE}).")
  private int catchupRuns;

  @Option(
      names = "--no-live",
      description = "Skip the per-peer-count runs (latency, sustained, partition): catch-up only.")
  private boolean noLive;

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
    if (rate < 1 || edits < 10 || changes < 10 || catchup < 0 || catchupRuns < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate and --catchup-runs must be at least 1, --edits and --changes at least 10,"
              + " --catchup at least 0.");
    }
    if (noLive && catchup == 0) {
      throw new ParameterException(
          spec.commandLine(), "--no-live with --catchup 0 measures nothing.");
    }
    Path work = Files.createTempDirectory("rhizome-bench-sync");
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      SyncBench bench = new SyncBench(work, System.err, rate, edits, changes);
      result.put("cores", Runtime.getRuntime().availableProcessors());
      result.put("load_average_before", SyncThreadCpu.loadAverage());
      List<Map<String, Object>> runs = new ArrayList<>();
      for (int n : noLive ? List.<Integer>of() : peers) {
        runs.add(bench.runPeers(n));
      }
      result.put("runs", runs);
      result.put("catchup", catchup == 0 ? null : bench.catchUp(catchup, catchupRuns));
      result.put("load_average_after", SyncThreadCpu.loadAverage());
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
        "load average %s (before) / %s (after), %s cores; CPU is this process's, all peers%n",
        result.get("load_average_before"), result.get("load_average_after"), result.get("cores"));
    List<Map<String, Object>> runs = (List<Map<String, Object>>) result.get("runs");
    if (!runs.isEmpty()) {
      out.printf(
          "%-6s %-34s %-42s %-14s%n",
          "peers",
          "edit→applied p50 / p99 (ms)",
          "sustained changes/s (wall s, CPU s)",
          "partition (ms)");
    }
    for (Map<String, Object> run : runs) {
      Map<String, Object> lat = (Map<String, Object>) run.get("latency");
      Map<String, Object> sus = (Map<String, Object>) run.get("sustained");
      Map<String, Object> part = (Map<String, Object>) run.get("partition");
      out.printf(
          "%-6s %-34s %-42s %-14s%n",
          run.get("peers"),
          lat.get("p50_ms") + " / " + lat.get("p99_ms") + " @" + lat.get("rate_per_s") + "/s",
          sus.get("changes_per_s")
              + " ("
              + sus.get("changes")
              + " in "
              + sus.get("seconds")
              + " s, CPU "
              + sus.get("cpu_s")
              + " s)",
          part.get("converge_ms"));
      out.printf(
          "       CPU µs per change per peer in the burst: engine %s, sync's own %s"
              + " (event loops, gossip, feed, log reads)%n",
          sus.get("engine_cpu_us_per_change_per_peer"), sus.get("sync_cpu_us_per_change_per_peer"));
    }
    Map<String, Object> c = (Map<String, Object>) result.get("catchup");
    if (c != null) {
      out.printf(
          "catch-up of a fresh peer: %s changes, median of %d: %s s (%s changes/s), CPU %s s"
              + " (%s µs/change)%n",
          c.get("changes"),
          ((List<?>) c.get("runs")).size(),
          c.get("median_seconds"),
          Math.round((Double) c.get("median_changes_per_s")),
          c.get("median_cpu_s"),
          Math.round((Double) c.get("median_cpu_us_per_change")));
    }
  }
}
