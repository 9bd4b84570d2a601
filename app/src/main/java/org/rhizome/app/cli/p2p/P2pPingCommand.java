package org.rhizome.app.cli.p2p;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rhizome p2p ping}: libp2p ping round trips to one peer. */
@Command(
    name = "ping",
    mixinStandardHelpOptions = true,
    description = "Connect to a peer and measure /ipfs/ping/1.0.0 round-trip times.")
final class P2pPingCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HostOptions host;

  @Parameters(
      index = "0",
      paramLabel = "MULTIADDR",
      description = "The peer, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…")
  private String address;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "4",
      description = "How many pings (default 4).")
  private int count;

  @Option(names = "--json", description = "One JSON line per ping and a summary line.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JsonLines lines = new JsonLines(out);
    try (Host h = host.start(List.of())) {
      long t0 = System.nanoTime();
      PeerId peer = h.dial(Multiaddr.parse(address)).get(15, TimeUnit.SECONDS);
      double connectMs = (System.nanoTime() - t0) / 1e6;
      if (json) {
        lines.print(
            P2pListenCommand.ordered(
                "event", "connected", "peer", peer.toBase58(), "connect_ms", round(connectMs)));
      } else {
        out.printf(Locale.ROOT, "connected to %s in %.2f ms%n", peer, connectMs);
      }
      List<Double> rtts = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        Duration rtt = h.ping(peer).get(15, TimeUnit.SECONDS);
        double ms = rtt.toNanos() / 1e6;
        rtts.add(ms);
        if (json) {
          lines.print(P2pListenCommand.ordered("event", "pong", "seq", i, "rtt_ms", round(ms)));
        } else {
          out.printf(Locale.ROOT, "pong %d from %s: time=%.3f ms%n", i, peer, ms);
        }
        out.flush();
      }
      Collections.sort(rtts);
      double min = rtts.isEmpty() ? 0 : rtts.get(0);
      double max = rtts.isEmpty() ? 0 : rtts.get(rtts.size() - 1);
      double avg = rtts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (json) {
        lines.print(
            P2pListenCommand.ordered(
                "event",
                "summary",
                "count",
                rtts.size(),
                "min_ms",
                round(min),
                "avg_ms",
                round(avg),
                "max_ms",
                round(max)));
      } else {
        out.printf(
            Locale.ROOT, "%d pings: min/avg/max = %.3f/%.3f/%.3f ms%n", rtts.size(), min, avg, max);
      }
    }
    return ExitCodes.OK;
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
