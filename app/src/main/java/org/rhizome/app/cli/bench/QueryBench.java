package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rhizome.graph.LiveQuery;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.store.QueryIndexStats;

/**
 * {@code rhizome bench query}: a generated workspace whose notes carry front matter (rating,
 * status, due, people), nested tags, links and tasks in Obsidian Tasks syntax; then 1,000 mixed
 * queries (after a warm-up) with p50/p95 per class and overall, the live re-run latency after an
 * edit, and what the query indexes cost during the import.
 */
final class QueryBench {
  static final int BATCH = 1000;
  private static final String[] STATUS = {"draft", "active", "paused", "done", "idea"};

  private final int notes;
  private final Path dir;
  private final PrintStream progress;

  QueryBench(int notes, Path dir, PrintStream progress) {
    this.notes = notes;
    this.dir = dir;
    this.progress = progress;
  }

  static String title(int i) {
    return "Note " + i;
  }

  static String body(int i, Random rnd, int notes) {
    StringBuilder b = new StringBuilder("---\n");
    b.append("rating: ").append(rnd.nextInt(10)).append('\n');
    b.append("status: ").append(STATUS[rnd.nextInt(STATUS.length)]).append('\n');
    if (rnd.nextBoolean()) {
      b.append("due: ").append(LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(730))).append('\n');
    }
    b.append("people: [p")
        .append(rnd.nextInt(200))
        .append(", p")
        .append(rnd.nextInt(200))
        .append("]\n");
    b.append("---\n# ").append(title(i)).append("\n\n");
    b.append("Some text about topic ")
        .append(rnd.nextInt(1000))
        .append(" and word")
        .append(rnd.nextInt(5000))
        .append(
            " in a paragraph long enough to look like a note, with a few sentences of filler.\n\n");
    int links = 1 + rnd.nextInt(4);
    for (int k = 0; k < links; k++) {
      // Skewed: a few notes are linked a lot, as hubs are in real vaults.
      int to = rnd.nextInt(10) == 0 ? rnd.nextInt(50) : rnd.nextInt(notes);
      b.append("See [[").append(title(to)).append("]]. ");
    }
    b.append("#area").append(rnd.nextInt(50)).append("/sub").append(rnd.nextInt(5)).append(' ');
    if (rnd.nextInt(3) == 0) {
      b.append("#project ");
    }
    b.append("\n\n");
    for (int k = rnd.nextInt(4); k > 0; k--) {
      b.append("- [")
          .append(rnd.nextInt(4) == 0 ? 'x' : ' ')
          .append("] task ")
          .append(rnd.nextInt(10000));
      if (rnd.nextBoolean()) {
        b.append(" 📅 ").append(LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(730)));
      }
      if (rnd.nextInt(4) == 0) {
        b.append(" ⏫");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The query classes: name and a generator from a random source. */
  private record QueryClass(String name, java.util.function.Function<Random, String> make) {}

  private List<QueryClass> classes() {
    return List.of(
        new QueryClass(
            "tag_and_property",
            r -> "list from #area" + r.nextInt(50) + " where rating > " + r.nextInt(9)),
        new QueryClass(
            "nested_tag_property_sort",
            r ->
                "table rating, status from #area"
                    + r.nextInt(50)
                    + "/sub"
                    + r.nextInt(5)
                    + " where status = \""
                    + STATUS[r.nextInt(STATUS.length)]
                    + "\" sort rating desc"),
        new QueryClass(
            "property_range_limit",
            r ->
                "table due from #project where due < date(\"2026-"
                    + String.format("%02d", 1 + r.nextInt(12))
                    + "-01\") sort due limit 20"),
        new QueryClass("links_to", r -> "list from links to [[" + title(r.nextInt(notes)) + "]]"),
        new QueryClass(
            "linked_from_backlinks",
            r -> "table length(backlinks) from linked from [[" + title(r.nextInt(notes)) + "]]"),
        new QueryClass(
            "within_2",
            r -> "count from within 2 of [[" + title(50 + r.nextInt(notes - 50)) + "]]"),
        new QueryClass(
            "tasks_due",
            r ->
                "tasks from #area"
                    + r.nextInt(50)
                    + " where open and due < date(\"2026-06-01\") sort due limit 50"),
        new QueryClass(
            "fulltext_and_tag",
            r -> "list from #project where search(\"word" + r.nextInt(5000) + "\")"),
        new QueryClass(
            "people_contains",
            r ->
                "list from #area"
                    + r.nextInt(50)
                    + " where people contains \"p"
                    + r.nextInt(200)
                    + "\""));
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    Random rnd = new Random(42);
    QueryIndexStats.countFromNow();
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace ws = Workspace.open(dir.resolve("bench.db"), key)) {
      long idx0 = QueryIndexStats.nanos();
      long task0 = QueryIndexStats.taskNanos();
      long cpu0 = threadCpuNanos("rhizome-");
      long t0 = System.nanoTime();
      CompletableFuture<List<Soul>> inFlight = null;
      for (int from = 0; from < notes; from += BATCH) {
        List<String[]> batch = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(notes, from + BATCH); i++) {
          batch.add(new String[] {title(i), body(i, rnd, notes)});
        }
        if (inFlight != null) {
          inFlight.get();
        }
        inFlight = ws.createNotesAsync(batch);
        if ((from / BATCH) % 10 == 0) {
          progress.printf("created %,d / %,d notes%n", from, notes);
        }
      }
      inFlight.get();
      long importNanos = System.nanoTime() - t0;
      long importCpu = threadCpuNanos("rhizome-") - cpu0;
      long indexNanos = QueryIndexStats.nanos() - idx0;
      long taskNanos = QueryIndexStats.taskNanos() - task0;
      Map<String, Object> imp = new LinkedHashMap<>();
      imp.put("import_s", Math.round(importNanos / 1e7) / 100.0);
      imp.put("import_engine_cpu_us_per_note", Math.round(importCpu / 1e1 / notes) / 100.0);
      imp.put("query_index_cpu_us_per_note", Math.round(indexNanos / 1e1 / notes) / 100.0);
      imp.put(
          "query_index_share_of_engine_cpu",
          Math.round(1000.0 * indexNanos / Math.max(1, importCpu)) / 10.0 + "%");
      imp.put("task_index_cpu_us_per_note", Math.round(taskNanos / 1e1 / notes) / 100.0);
      imp.put(
          "task_index_share_of_engine_cpu",
          Math.round(1000.0 * taskNanos / Math.max(1, importCpu)) / 10.0 + "%");
      out.put("import", imp);
      progress.printf("created %,d notes in %.1f s%n", notes, importNanos / 1e9);

      List<QueryClass> classes = classes();
      Random q = new Random(7);
      for (int i = 0; i < 100; i++) { // warm-up: statement compilation, page cache
        ws.query(classes.get(i % classes.size()).make().apply(q));
      }
      Map<String, Percentiles> per = new LinkedHashMap<>();
      Map<String, Percentiles> perCpu = new LinkedHashMap<>();
      Percentiles all = new Percentiles();
      Percentiles allCpu = new Percentiles();
      long rows = 0;
      long qcpu0 = currentThreadCpu();
      for (int i = 0; i < 1000; i++) {
        QueryClass c = classes.get(i % classes.size());
        String text = c.make().apply(q);
        long s = System.nanoTime();
        long sc = currentThreadCpu();
        rows += ws.query(text).rows().size();
        long d = System.nanoTime() - s;
        long dc = currentThreadCpu() - sc; // SQLite runs on the calling thread
        per.computeIfAbsent(c.name(), k -> new Percentiles()).add(d);
        perCpu.computeIfAbsent(c.name(), k -> new Percentiles()).add(dc);
        all.add(d);
        allCpu.add(dc);
      }
      Map<String, Object> queries = new LinkedHashMap<>();
      queries.put("all", all.summaryMillis());
      queries.put("all_cpu", allCpu.summaryMillis());
      queries.put("mean_rows", rows / 1000.0);
      queries.put(
          "cpu_ms_per_query", Math.round((currentThreadCpu() - qcpu0) / 1e4 / 1000) / 100.0);
      for (Map.Entry<String, Percentiles> e : per.entrySet()) {
        Map<String, Object> both = new LinkedHashMap<>(e.getValue().summaryMillis());
        both.put("cpu", perCpu.get(e.getKey()).summaryMillis());
        queries.put(e.getKey(), both);
      }
      out.put("queries", queries);

      // Live re-run: from an edit's commit to the live query's new result.
      Percentiles live = new Percentiles();
      Soul target = ws.resolve(title(notes / 2)).orElseThrow().soul();
      for (int i = 0; i < 20; i++) {
        AtomicLong seen = new AtomicLong();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(2);
        String marker = "livebench" + i;
        try (LiveQuery lq =
            LiveQuery.of(
                ws,
                "list from #" + marker,
                r -> {
                  seen.set(System.nanoTime());
                  first.countDown();
                  changed.countDown();
                },
                e -> {})) {
          first.await(10, TimeUnit.SECONDS);
          long s = System.nanoTime();
          ws.editBodyAsync(target, "re-tagged #" + marker).get();
          if (changed.await(10, TimeUnit.SECONDS)) {
            live.add(seen.get() - s);
          }
        }
      }
      out.put("live_rerun_after_edit", live.summaryMillis());
      out.put("live_rerun_after_peer_change", livePeer(ws));
    }
    return out;
  }

  /**
   * From a peer's change (a new note with the live query's tag, applied as sync applies it) to the
   * live query's new result: what a view open on this device waits for a peer's edit.
   */
  private Map<String, Object> livePeer(Workspace ws) throws Exception {
    Percentiles live = new Percentiles();
    try (Workspace peer =
        Workspace.open(
            dir.resolve("peer.db"),
            ws.id(),
            DeviceKey.generate(new SecureRandom()),
            System::currentTimeMillis)) {
      for (int i = 0; i < 20; i++) {
        AtomicLong seen = new AtomicLong();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(2);
        String marker = "peerbench" + i;
        try (LiveQuery lq =
            LiveQuery.of(
                ws,
                "list from #" + marker,
                r -> {
                  seen.set(System.nanoTime());
                  first.countDown();
                  changed.countDown();
                },
                e -> {})) {
          first.await(10, TimeUnit.SECONDS);
          peer.createNote("From a peer " + i, "written elsewhere #" + marker);
          List<byte[]> changes =
              peer.changesSince(ws.versionVector(), 0, 1000).stream().map(e -> e.bytes()).toList();
          long s = System.nanoTime();
          ws.applyRemote(changes);
          if (changed.await(10, TimeUnit.SECONDS)) {
            live.add(seen.get() - s);
          }
        }
      }
    }
    return live.summaryMillis();
  }

  private static long currentThreadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long threadCpuNanos(String prefix) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }
}
