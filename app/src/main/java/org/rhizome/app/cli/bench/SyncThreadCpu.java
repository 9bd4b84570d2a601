package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process's threads, grouped by what they do in sync (the engine's writers and
 * verifiers, Netty's event loops, the gossip thread, ...), between two snapshots: where a sync
 * phase's CPU went. Threads that end between the snapshots are not counted; the process total is.
 */
final class SyncThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Thread name prefixes, in the order they are reported; the rest is "other". */
  private static final String[][] GROUPS = {
    {"writer", "rhizome-db-writer"},
    {"verify", "rhizome-verify"},
    {"net_event_loops", "rhizome-net-io"},
    {"gossip", "rhizome-gossip"},
    {"change_feed", "rhizome-events"},
    {"sync_disk", "rhizome-sync-disk"},
    {"sync_scheduler", "rhizome-sync"},
    {"bench_main", "main"},
  };

  private final Map<Long, Long> perThread = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final long process;

  private SyncThreadCpu() {
    if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long cpu = THREADS.getThreadCpuTime(t.getId());
      if (cpu >= 0) {
        perThread.put(t.getId(), cpu);
        names.put(t.getId(), t.getName());
      }
    }
    this.process = processCpuNanos();
  }

  static SyncThreadCpu now() {
    return new SyncThreadCpu();
  }

  /** CPU of the whole process since this snapshot. */
  long processNanosSince() {
    return processCpuNanos() - process;
  }

  /**
   * Milliseconds of CPU per thread group since this snapshot; "unattributed" is the process's CPU
   * that no live Java thread accounts for (garbage collection, the JIT, threads that ended).
   */
  Map<String, Object> millisByGroupSince() {
    long processDelta = processNanosSince();
    Map<String, Long> sums = new LinkedHashMap<>();
    for (String[] g : GROUPS) {
      sums.put(g[0], 0L);
    }
    sums.put("other", 0L);
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long cpu = THREADS.getThreadCpuTime(t.getId());
      if (cpu < 0) {
        continue;
      }
      long before = perThread.getOrDefault(t.getId(), 0L);
      sums.merge(group(t.getName()), cpu - before, Long::sum);
    }
    long attributed = sums.values().stream().mapToLong(Long::longValue).sum();
    sums.put("unattributed", Math.max(0, processDelta - attributed));
    Map<String, Object> out = new LinkedHashMap<>();
    sums.forEach((k, v) -> out.put(k, Math.round(v / 1e6)));
    return out;
  }

  /**
   * Splits a phase's per-thread CPU (from {@link #millisByGroupSince}) into the engine's part
   * (writers, verifiers) and sync's own (event loops, gossip, change feed, log reads, scheduling),
   * in µs per change per peer.
   */
  static void addSplit(
      Map<String, Object> out, Map<String, Object> byGroup, long changes, int peers) {
    long engine = millis(byGroup, "writer") + millis(byGroup, "verify");
    long sync =
        millis(byGroup, "net_event_loops")
            + millis(byGroup, "gossip")
            + millis(byGroup, "change_feed")
            + millis(byGroup, "sync_disk")
            + millis(byGroup, "sync_scheduler");
    double per = 1000.0 / Math.max(1, changes) / Math.max(1, peers);
    out.put("engine_cpu_us_per_change_per_peer", Math.round(engine * per));
    out.put("sync_cpu_us_per_change_per_peer", Math.round(sync * per));
  }

  private static long millis(Map<String, Object> byGroup, String key) {
    return ((Number) byGroup.getOrDefault(key, 0L)).longValue();
  }

  private static String group(String name) {
    for (String[] g : GROUPS) {
      for (int i = 1; i < g.length; i++) {
        if (name.startsWith(g[i])) {
          return g[0];
        }
      }
    }
    return "other";
  }

  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
