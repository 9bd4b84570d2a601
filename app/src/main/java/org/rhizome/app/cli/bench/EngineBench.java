package org.rhizome.app.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.store.WriteStats;

/**
 * The engine benchmark: builds a synthetic workspace of N notes in {@code dir} and measures
 * creation rate, remote apply rate (with signature checks), reopen time, search and backlink
 * latencies, size on disk and peak heap. Progress goes to {@code progress}; the result is a map the
 * command prints as JSON.
 */
final class EngineBench {
  static final int BATCH = 1000;
  static final int REMOTE_CHANGES = 20_000;
  static final int QUERIES = 1000;

  private final int notes;
  private final Path dir;
  private final PrintStream progress;

  EngineBench(int notes, Path dir, PrintStream progress) {
    this.notes = notes;
    this.dir = dir;
    this.progress = progress;
  }

  Map<String, Object> run() throws Exception {
    resetPeakHeap();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    SyntheticVault vault = new SyntheticVault(notes, 42);
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Path file = dir.resolve("bench.db");
    long rawBytes = 0;
    List<Soul> souls = new ArrayList<>(notes);

    // 1. create
    long t0 = System.nanoTime();
    long cpu0 = threadCpuNanos("rhizome-");
    Map<String, Long> stages0 = WriteStats.snapshot();
    try (Workspace ws = Workspace.open(file, key)) {
      CompletableFuture<List<Soul>> inFlight = null;
      for (int from = 0; from < notes; from += BATCH) {
        List<String[]> batch = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(notes, from + BATCH); i++) {
          String[] tb = {vault.title(i), vault.body(i)};
          rawBytes +=
              tb[0].getBytes(StandardCharsets.UTF_8).length
                  + tb[1].getBytes(StandardCharsets.UTF_8).length;
          batch.add(tb);
        }
        if (inFlight != null) {
          souls.addAll(inFlight.get());
        }
        inFlight =
            ws.createNotesAsync(batch); // the next batch is generated while this one is written
        if ((from / BATCH) % 10 == 0) {
          progress.printf("created %,d / %,d notes%n", from, notes);
        }
      }
      souls.addAll(inFlight.get());
      double secs = (System.nanoTime() - t0) / 1e9;
      out.put("create_notes_per_s", Math.round(notes / secs));
      out.put("create_s", round(secs));
      // CPU time of the engine's threads per note: stable even when the machine is busy
      out.put(
          "create_engine_cpu_us_per_note",
          round((threadCpuNanos("rhizome-") - cpu0) / 1e3 / notes));
      putStages(out, "create_cpu_us_by_stage", stages0, notes);
      progress.printf("created %,d notes in %.1f s%n", notes, secs);

      // 2. remote apply, with signature checks, into a fresh replica
      List<byte[]> remote = new ArrayList<>();
      long after = 0;
      while (remote.size() < Math.min(REMOTE_CHANGES, notes)) {
        List<StoredChange> page = ws.changesSince(VersionVector.EMPTY, after, 2000);
        if (page.isEmpty()) {
          break;
        }
        for (StoredChange e : page) {
          if (remote.size() < REMOTE_CHANGES) {
            remote.add(e.bytes());
          }
          after = e.position();
        }
      }
      try (Workspace replica =
          Workspace.open(
              dir.resolve("replica.db"),
              ws.id(),
              DeviceKey.generate(new SecureRandom()),
              System::currentTimeMillis)) {
        long t1 = System.nanoTime();
        long cpu1 = threadCpuNanos("rhizome-");
        Map<String, Long> stages1 = WriteStats.snapshot();
        // At most three batches in flight, as a sync session with back-pressure would keep: the
        // next
        // batch verifies while the writer applies the current one.
        ArrayDeque<CompletableFuture<List<ApplyResult>>> pending = new ArrayDeque<>();
        long refused = 0;
        for (int from = 0; from < remote.size(); from += BATCH) {
          if (pending.size() == 3) {
            refused += pending.removeFirst().get().stream().filter(ApplyResult::isRefused).count();
          }
          pending.addLast(
              replica.applyRemoteAsync(
                  remote.subList(from, Math.min(remote.size(), from + BATCH))));
        }
        for (CompletableFuture<List<ApplyResult>> f : pending) {
          refused += f.get().stream().filter(ApplyResult::isRefused).count();
        }
        double rs = (System.nanoTime() - t1) / 1e9;
        if (refused > 0) {
          throw new IllegalStateException(refused + " remote changes were refused");
        }
        out.put("remote_changes", remote.size());
        out.put("remote_changes_per_s", Math.round(remote.size() / rs));
        out.put(
            "remote_engine_cpu_us_per_change",
            round((threadCpuNanos("rhizome-") - cpu1) / 1e3 / remote.size()));
        putStages(out, "remote_cpu_us_by_stage", stages1, remote.size());
        progress.printf("applied %,d remote changes in %.1f s%n", remote.size(), rs);
      }
    }

    // 3. reopen: open the file and list the first notes, as the app does at start
    long t2 = System.nanoTime();
    try (Workspace ws = Workspace.open(file, key)) {
      ws.listNotes(50);
      out.put("reopen_ms", Percentiles.ms(System.nanoTime() - t2));

      // 4. search
      Percentiles search = new Percentiles();
      long hits = 0;
      for (String q : vault.searchQueries(QUERIES)) {
        long s = System.nanoTime();
        hits += ws.search(q, 20).size();
        search.add(System.nanoTime() - s);
      }
      Map<String, Object> searchSummary = search.summaryMillis();
      searchSummary.put("mean_hits", round(hits / (double) QUERIES));
      out.put("search", searchSummary);
      progress.println("search done");

      // 5. backlinks: half popular notes (power law), half uniform
      Percentiles backlinks = new Percentiles();
      Random random = new Random(7);
      long links = 0;
      for (int i = 0; i < QUERIES; i++) {
        int n = i % 2 == 0 ? vault.randomLinkedNote() : random.nextInt(notes);
        long s = System.nanoTime();
        links += ws.backlinks(souls.get(n), 200).size();
        backlinks.add(System.nanoTime() - s);
      }
      Map<String, Object> backSummary = backlinks.summaryMillis();
      backSummary.put("mean_backlinks", round(links / (double) QUERIES));
      out.put("backlinks", backSummary);
    }

    // 6. size
    long disk = size(file) + size(file.resolveSibling("bench.db-wal"));
    out.put("raw_text_bytes", rawBytes);
    out.put("disk_bytes", disk);
    out.put("disk_to_raw", round(disk / (double) rawBytes));
    out.put("peak_heap_mb", Math.round(peakHeapBytes() / 1e6));

    // 7. the floor: the same titles and bodies (same seed) into plain SQLite + FTS5, generated
    // first
    // so that only the load is timed; last, so it changes none of the figures above.
    SyntheticVault same = new SyntheticVault(notes, 42);
    List<String[]> texts = new ArrayList<>(notes);
    for (int i = 0; i < notes; i++) {
      texts.add(new String[] {"", same.title(i), same.body(i)});
    }
    progress.println("loading the same notes into plain SQLite + FTS5 (the floor)...");
    Map<String, Object> floor = PlainSqliteFloor.load(dir.resolve("floor.db"), texts.iterator());
    out.put("plain_sqlite_fts5_floor", floor);
    out.put(
        "create_to_floor",
        PlainSqliteFloor.ratio((double) out.get("create_s") * 1000, floor.get("ms")));
    out.put(
        "create_cpu_to_floor_cpu",
        PlainSqliteFloor.ratio(
            (double) out.get("create_engine_cpu_us_per_note") * notes / 1000, floor.get("cpu_ms")));
    // The floor's CPU per note set beside a remote change's: both write one note's text.
    out.put(
        "remote_cpu_to_floor_cpu",
        PlainSqliteFloor.ratio(
            (double) out.get("remote_engine_cpu_us_per_change") * notes / 1000,
            floor.get("cpu_ms")));
    return out;
  }

  /**
   * With {@code -Drhizome.writestats=true}: the engine's CPU per change by stage of the write path
   * since {@code before} (see {@link WriteStats}), in microseconds.
   */
  private static void putStages(
      Map<String, Object> out, String name, Map<String, Long> before, long changes) {
    if (!WriteStats.enabled()) {
      return;
    }
    Map<String, Object> stages = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : WriteStats.snapshot().entrySet()) {
      long nanos = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (nanos != 0) {
        stages.put(e.getKey(), round(nanos / 1e3 / changes));
      }
    }
    out.put(name, stages);
  }

  /**
   * CPU time used so far by live threads whose name starts with {@code prefix}. Threads that ended
   * are not counted, so call it while the engine being measured is open.
   */
  private static long threadCpuNanos(String prefix) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        long cpu = mx.getThreadCpuTime(t.getId());
        sum += Math.max(0, cpu);
      }
    }
    return sum;
  }

  private static long size(Path p) throws IOException {
    return Files.exists(p) ? Files.size(p) : 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
