package org.rhizome.app.cli.p2p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.JsonOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rhizome bench net}: libp2p stack figures on loopback (prints one JSON document). */
@Command(
    name = "net",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the libp2p stack on loopback: connection set-up (TCP+multistream+Noise XX+yamux), ping RTT,",
      "GossipSub throughput at 1 KiB and 64 KiB, and latency at a fixed rate; Java<->Java, and with node:",
      "Java<->js-libp2p and js<->js (the baseline)."
    })
public final class NetBenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--dials", defaultValue = "30", description = "Connections to time (default 30).")
  private int dials;

  @Option(names = "--pings", defaultValue = "500", description = "Pings to time (default 500).")
  private int pings;

  @Option(
      names = "--messages",
      defaultValue = "20000",
      description = "1 KiB messages for throughput (default 20000).")
  private int small;

  @Option(
      names = "--large-messages",
      defaultValue = "400",
      description = "64 KiB messages for throughput (default 400).")
  private int large;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "Messages per second for the latency run (default 1000).")
  private int rate;

  @Option(
      names = "--latency-seconds",
      defaultValue = "3",
      description = "Length of the latency run (default 3).")
  private int latencySeconds;

  @Option(
      names = "--js",
      paramLabel = "DIR",
      description =
          "The js peer (with node_modules) to compare with; default sync/src/test/js if present.")
  private @Nullable Path js;

  @Option(names = "--no-js", description = "Measure Java<->Java only.")
  private boolean noJs;

  @Override
  public Integer call() throws Exception {
    Path dir = js;
    if (dir == null && Files.isDirectory(Path.of("sync", "src", "test", "js", "node_modules"))) {
      dir = Path.of("sync", "src", "test", "js");
    }
    if (noJs) {
      dir = null;
    }
    var result =
        new NetBench(new NetBench.Options(dials, pings, small, large, rate, latencySeconds, dir))
            .run();
    spec.commandLine().getOut().println(JsonOutput.write(result));
    return ExitCodes.OK;
  }
}
