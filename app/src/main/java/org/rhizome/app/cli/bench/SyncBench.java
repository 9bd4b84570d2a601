package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;

/**
 * {@code bench sync}: real replicas syncing over libp2p on loopback, in this process. For each peer
 * count: edit-to-applied latency at a steady rate (the writer's clock before the commit to the
 * receiver's change feed delivering it), sustained changes/s end to end (a burst until every peer
 * holds it), and convergence after a partition (every peer stopped, each edits offline, all
 * restart). Then, once: catch-up of a fresh peer joining a workspace of {@code catchup} changes.
 */
final class SyncBench {
  private final Path dir;
  private final PrintStream progress;
  private final int rate;
  private final int latencyEdits;
  private final int burst;
  private final int offlineEdits = 200;
  private static final int BATCH = 100;

  SyncBench(Path dir, PrintStream progress, int rate, int latencyEdits, int burst) {
    this.dir = dir;
    this.progress = progress;
    this.rate = rate;
    this.latencyEdits = latencyEdits;
    this.burst = burst;
  }

  /** Figures for {@code peers} replicas. */
  Map<String, Object> runPeers(int peers) throws Exception {
    Path home = Files.createDirectories(dir.resolve(peers + "-peers"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("peers", peers);
    try (BenchPeers p = new BenchPeers(home)) {
      p.found();
      p.start(0);
      for (int i = 1; i < peers; i++) {
        p.join();
      }
      BenchPeers.await("joining", Duration.ofSeconds(60), () -> p.allMembers() && p.converged());
      progress.println("bench sync: " + peers + " peers joined");
      Workspace writer = p.workspaces.get(peers - 1);
      List<Soul> notes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        notes.add(writer.createNote("typed " + i, ""));
      }
      BenchPeers.await("the first notes arriving", Duration.ofSeconds(30), p::converged);
      out.put("load_average_before", SyncThreadCpu.loadAverage());
      SyncThreadCpu cpu = SyncThreadCpu.now();
      long started = System.nanoTime();
      Map<String, Object> latency = latency(p, writer, notes);
      latency.put("wall_s", seconds(System.nanoTime() - started));
      latency.put("cpu_s", seconds(cpu.processNanosSince()));
      Map<String, Object> byThread = cpu.millisByGroupSince();
      SyncThreadCpu.addSplit(latency, byThread, latencyEdits, peers);
      latency.put("cpu_ms_by_thread", byThread);
      out.put("latency", latency);
      progress.println("bench sync: " + peers + " peers latency done");
      out.put("sustained", sustained(p, writer));
      progress.println("bench sync: " + peers + " peers throughput done");
      out.put("partition", partition(p));
      progress.println("bench sync: " + peers + " peers partition done");
      out.put("load_average_after", SyncThreadCpu.loadAverage());
    }
    return out;
  }

  /**
   * {@code latencyEdits} one-character edits at {@code rate}/s on one peer; every other peer times
   * their arrival from the writer's commit (and, separately, from handing the edit to the writer,
   * which adds the writer's own queue when the engine cannot keep up with the rate).
   */
  private Map<String, Object> latency(BenchPeers p, Workspace writer, List<Soul> notes)
      throws Exception {
    ActorId actor = writer.actor();
    long base = writer.versionVector().get(actor);
    long[] submittedAt = new long[latencyEdits];
    long[] committedAt = new long[latencyEdits];
    List<AtomicLongArray> arrivals = new ArrayList<>();
    List<AutoCloseable> feeds = new ArrayList<>();
    for (Workspace w : p.workspaces) {
      if (w == writer) {
        continue;
      }
      AtomicLongArray arrived = new AtomicLongArray(latencyEdits);
      arrivals.add(arrived);
      feeds.add(
          w.subscribe(
              event -> {
                long now = System.nanoTime();
                for (var change : event.changes()) {
                  long i = change.seq() - base - 1;
                  if (change.actor().equals(actor) && i >= 0 && i < latencyEdits) {
                    arrived.set((int) i, now);
                  }
                }
              }));
    }
    try {
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < latencyEdits; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        submittedAt[i] = System.nanoTime();
        int edit = i;
        pending.add(
            writer
                .spliceBodyAsync(notes.get(i % notes.size()), List.of(new Splice(0, 0, "x")))
                .thenRun(() -> committedAt[edit] = System.nanoTime()));
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      BenchPeers.await(
          "the steady edits arriving", Duration.ofSeconds(60), () -> allArrived(arrivals));
    } finally {
      for (AutoCloseable f : feeds) {
        f.close();
      }
    }
    long[] samples = new long[latencyEdits * arrivals.size()];
    long[] fromSubmit = new long[samples.length];
    int n = 0;
    for (AtomicLongArray arrived : arrivals) {
      for (int i = 0; i < latencyEdits; i++) {
        samples[n] = arrived.get(i) - committedAt[i];
        fromSubmit[n++] = arrived.get(i) - submittedAt[i];
      }
    }
    Arrays.sort(samples);
    Arrays.sort(fromSubmit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("edits", latencyEdits);
    out.put("rate_per_s", rate);
    out.put("samples", samples.length);
    out.put("p50_ms", ms(at(samples, 0.50)));
    out.put("p99_ms", ms(at(samples, 0.99)));
    out.put("max_ms", ms(samples[samples.length - 1]));
    out.put("from_submit_p50_ms", ms(at(fromSubmit, 0.50)));
    out.put("from_submit_p99_ms", ms(at(fromSubmit, 0.99)));
    return out;
  }

  private static boolean allArrived(List<AtomicLongArray> arrivals) {
    for (AtomicLongArray a : arrivals) {
      for (int i = a.length() - 1; i >= 0; i--) {
        if (a.get(i) == 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * {@code burst} new notes (one change each), handed to the writer in batches of {@value #BATCH}
   * as an import or a paste would, so the figure is the sync's rate, not one SQLite transaction per
   * change.
   */
  private Map<String, Object> sustained(BenchPeers p, Workspace writer) throws Exception {
    ActorId actor = writer.actor();
    SyncThreadCpu cpu = SyncThreadCpu.now();
    long start = System.nanoTime();
    createNotes(writer, "burst", burst);
    long committed = System.nanoTime();
    long target = writer.versionVector().get(actor);
    BenchPeers.await(
        "the burst arriving",
        Duration.ofSeconds(300),
        () -> {
          for (Workspace w : p.workspaces) {
            if (w.versionVector().get(actor) < target) {
              return false;
            }
          }
          return true;
        });
    long done = System.nanoTime();
    long cpuNanos = cpu.processNanosSince();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changes", burst);
    out.put("changes_per_s", Math.round(burst / ((done - start) / 1e9)));
    out.put("writer_commit_per_s", Math.round(burst / ((committed - start) / 1e9)));
    out.put("seconds", seconds(done - start));
    out.put("last_arrival_after_last_commit_ms", ms(done - committed));
    out.put("cpu_s", seconds(cpuNanos));
    out.put("cpu_us_per_change_per_peer", Math.round(cpuNanos / 1e3 / burst / p.workspaces.size()));
    Map<String, Object> byThread = cpu.millisByGroupSince();
    SyncThreadCpu.addSplit(out, byThread, burst, p.workspaces.size());
    out.put("cpu_ms_by_thread", byThread);
    return out;
  }

  /**
   * Every peer stops; each makes {@code offlineEdits} notes; all restart. Time until all digests
   * are equal.
   */
  private Map<String, Object> partition(BenchPeers p) throws Exception {
    p.stopAll();
    for (int i = 0; i < p.workspaces.size(); i++) {
      Workspace w = p.workspaces.get(i);
      List<String[]> drafts = new ArrayList<>();
      for (int k = 0; k < offlineEdits; k++) {
        drafts.add(
            new String[] {"offline " + i + "-" + k, "written on peer " + i + " while apart"});
      }
      w.createNotesAsync(drafts).get(60, TimeUnit.SECONDS);
    }
    long start = System.nanoTime();
    for (int i = 0; i < p.workspaces.size(); i++) {
      p.start(i);
    }
    BenchPeers.await("healing the partition", Duration.ofSeconds(120), p::converged);
    long done = System.nanoTime();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offline_changes_per_peer", offlineEdits);
    out.put("converge_ms", ms(done - start));
    return out;
  }

  /**
   * A fresh peer joins a workspace of {@code changes} new notes; time from its sync starting until
   * its change feed reports the last of them committed. Repeated {@code runs} times with a new
   * fresh peer each time (the one before stops syncing first, so each pulls from the source alone);
   * the figures of each run and their medians.
   */
  Map<String, Object> catchUp(int changes, int runs) throws Exception {
    Path home = Files.createDirectories(dir.resolve("catchup"));
    Map<String, Object> out = new LinkedHashMap<>();
    try (BenchPeers p = new BenchPeers(home)) {
      Workspace source = p.found();
      createNotes(source, "history", changes);
      p.start(0);
      long total = source.status().changes();
      long want = source.versionVector().get(source.actor());
      out.put("changes", total);
      List<Map<String, Object>> each = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        progress.println(
            "bench sync: source holds " + total + " changes; fresh peer " + (run + 1) + " joins");
        String load = SyncThreadCpu.loadAverage();
        CompletableFuture<Long> caughtUp = new CompletableFuture<>();
        List<AutoCloseable> feed = new ArrayList<>();
        SyncThreadCpu cpu = SyncThreadCpu.now();
        long start = System.nanoTime();
        int fresh =
            p.join(
                ws ->
                    feed.add(
                        ws.subscribe(
                            event -> {
                              for (var change : event.changes()) {
                                if (change.actor().equals(source.actor()) && change.seq() >= want) {
                                  caughtUp.complete(System.nanoTime());
                                }
                              }
                            })));
        long done = caughtUp.get(600, TimeUnit.SECONDS);
        long cpuNanos = cpu.processNanosSince();
        Map<String, Object> byThread = cpu.millisByGroupSince();
        feed.get(0).close();
        Workspace joiner = p.workspaces.get(fresh);
        // Its own join (its certificate) crosses back to the source too; then both hold the same.
        BenchPeers.await(
            "the fresh peer's digest",
            Duration.ofSeconds(120),
            () -> joiner.digest().equals(source.digest()));
        p.stop(fresh);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", seconds(done - start));
        r.put("changes_per_s", Math.round(total / ((done - start) / 1e9)));
        r.put("cpu_s", seconds(cpuNanos));
        r.put("cpu_us_per_change", Math.round(cpuNanos / 1e3 / total));
        SyncThreadCpu.addSplit(r, byThread, total, 1);
        r.put("cpu_ms_by_thread", byThread);
        r.put("load_average_before", load);
        each.add(r);
      }
      out.put("median_seconds", median(each, "seconds"));
      out.put("median_changes_per_s", median(each, "changes_per_s"));
      out.put("median_cpu_s", median(each, "cpu_s"));
      out.put("median_cpu_us_per_change", median(each, "cpu_us_per_change"));
      out.put("runs", each);
      out.put("load_average_after", SyncThreadCpu.loadAverage());
    }
    return out;
  }

  /** The median of one numeric field over runs (the lower middle one for an even count). */
  static double median(List<Map<String, Object>> runs, String field) {
    double[] v = runs.stream().mapToDouble(r -> ((Number) r.get(field)).doubleValue()).toArray();
    Arrays.sort(v);
    return v[(v.length - 1) / 2];
  }

  /**
   * Creates {@code count} small notes in batches of {@value #BATCH}, pipelined; returns when all
   * are committed.
   */
  private static void createNotes(Workspace ws, String prefix, int count) throws Exception {
    CompletableFuture<?> last = null;
    for (int done = 0; done < count; done += BATCH) {
      List<String[]> drafts = new ArrayList<>(BATCH);
      for (int i = done; i < Math.min(count, done + BATCH); i++) {
        drafts.add(
            new String[] {
              prefix + " " + i,
              "note "
                  + i
                  + " of the "
                  + prefix
                  + ", linking [["
                  + prefix
                  + " "
                  + (i / 2)
                  + "]] #bench"
            });
      }
      last = ws.createNotesAsync(drafts);
      if ((done / BATCH) % 20 == 19) {
        last.get(120, TimeUnit.SECONDS); // keep the writer's queue bounded
      }
    }
    if (last != null) {
      last.get(300, TimeUnit.SECONDS);
    }
  }

  private static long at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e6) / 1000.0;
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }
}
