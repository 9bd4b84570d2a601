package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;

/**
 * {@code bench trust --rotation-runs N} (decision 0009): real peers on loopback, five that stay and
 * one more per run to remove. Each run: the founder removes a member (its change carries the new
 * epoch key), then writes a note (sealed under it); timed until all five remaining replicas hold
 * the removal, the new epoch's network secret and the note, with one digest. Wall and the process's
 * CPU (every peer runs in this process), medians of the runs after a warm-up.
 */
final class RotationBench {
  private static final int STAYING = 5;
  private final int runs;

  RotationBench(int runs) {
    this.runs = runs;
  }

  Map<String, Object> run(Path dir) throws Exception {
    try (BenchPeers peers = new BenchPeers(dir.resolve("rotation"))) {
      peers.found();
      peers.start(0);
      int total = STAYING + runs + 1;
      System.err.println("rotation: " + total + " peers joining…");
      for (int i = 1; i < total; i++) {
        peers.join();
      }
      BenchPeers.await("joins", Duration.ofSeconds(180), peers::allMembers);
      BenchPeers.await("first convergence", Duration.ofSeconds(180), peers::converged);
      Workspace founder = peers.workspaces.get(0);
      List<Workspace> staying = peers.workspaces.subList(0, STAYING);
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int r = 0; r < runs + 1; r++) {
        int victim = STAYING + r;
        Workspace removed = peers.workspaces.get(victim);
        System.err.println("rotation run " + r + "…");
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        founder.membership().removeAsync(removed.actor()).get();
        Soul note = founder.createNote("After removal " + r, "sealed words " + r);
        BenchPeers.await(
            "rotation to five peers", Duration.ofSeconds(120), () -> rotated(staying, note));
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6;
        peers.stop(victim);
        if (removed.findNote(note).isPresent()) {
          throw new IllegalStateException("the removed peer reads what was written after");
        }
        if (r > 0) { // the first run warms the JIT
          wall.add(ms);
          cpu.add(cpuMs);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("peersStaying", STAYING);
      out.put("runs", runs);
      out.put("wallMsEach", wall);
      out.put("cpuMsEach", cpu);
      out.put("medianWallMs", median(wall));
      out.put("medianCpuMs", median(cpu));
      return out;
    }
  }

  /** Whether every staying peer holds the note, the founder's network secret, and one digest. */
  private static boolean rotated(List<Workspace> staying, Soul note) throws Exception {
    byte[] secret = staying.get(0).membership().networkSecrets().current().orElse(null);
    if (secret == null) {
      return false;
    }
    String digest = null;
    for (Workspace w : staying) {
      if (w.findNote(note).isEmpty()) {
        return false;
      }
      byte[] mine = w.membership().networkSecrets().current().orElse(null);
      if (mine == null || !Arrays.equals(mine, secret)) {
        return false;
      }
      String d = w.digest();
      if (digest != null && !digest.equals(d)) {
        return false;
      }
      digest = d;
    }
    return true;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
