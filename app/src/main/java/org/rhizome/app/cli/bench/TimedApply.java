package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;

/**
 * Applying prepared remote changes to a fresh replica and timing it: what the trust benches (roles,
 * private notes) measure, so that both measure it the same way.
 */
final class TimedApply {
  private static final int BATCH = 500;

  /** Opens the replica the changes are applied to. */
  @FunctionalInterface
  interface Opener {
    Workspace open(Path file) throws Exception;
  }

  private TimedApply() {}

  /**
   * Opens {@code file}, applies {@code setup} untimed, collects the garbage, then applies {@code
   * work} timed, and deletes the file: {wall ms, process CPU ms, the writer thread's CPU ms, the
   * verifying threads' CPU ms}. The engine's two thread groups leave out what the JIT compiler and
   * the collector spend, which in runs this short is most of the process's variation.
   */
  static double[] timed(Path file, Opener opener, List<byte[]> setup, List<byte[]> work)
      throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Workspace ws = opener.open(file)) {
      apply(ws, setup);
      // The garbage of a long set-up (the private-note bench applies 2,000 plain changes before
      // the sealed ones) would otherwise be collected, and counted, in the timed part.
      System.gc();
      SyncThreadCpu threads = SyncThreadCpu.now();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      apply(ws, work);
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      Map<String, Object> byThread = threads.millisByGroupSince();
      return new double[] {
        wall / 1e6,
        cpu / 1e6,
        ((Number) byThread.getOrDefault("writer", 0)).doubleValue(),
        ((Number) byThread.getOrDefault("verify", 0)).doubleValue()
      };
    } finally {
      for (String suffix : List.of("", "-wal", "-shm", ".refusals")) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    }
  }

  /** Applies {@code changes} in batches; a refused one ends the bench (its input is wrong). */
  static void apply(Workspace ws, List<byte[]> changes) throws Exception {
    for (int from = 0; from < changes.size(); from += BATCH) {
      for (ApplyResult r :
          ws.applyRemote(changes.subList(from, Math.min(changes.size(), from + BATCH)))) {
        if (r.isRefused()) {
          throw new IllegalStateException("the bench's change was refused: " + r.detail());
        }
      }
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
