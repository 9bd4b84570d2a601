package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * The trace benchmark: replays a trace {@code warmup + runs} times and reports the medians of the
 * measured runs. Each run: apply every edit (timed), check the text against endContent, encode a
 * snapshot, load it, merge every op into an empty replica, and measure the heap the loaded document
 * retains (used heap after a settled System.gc() with and without it).
 */
final class TraceBench {
  private final TraceFile trace;
  private final PrintStream progress;

  TraceBench(TraceFile trace, PrintStream progress) {
    this.trace = trace;
    this.progress = progress;
  }

  Map<String, Object> run(int runs, int warmup) throws Exception {
    int total = runs + warmup;
    double[] apply = new double[runs];
    double[] encode = new double[runs];
    double[] load = new double[runs];
    double[] merge = new double[runs];
    long[] heap = new long[runs];
    int bytes = 0;
    int finalLength = 0;
    int ops = 0;
    for (int r = 0; r < total; r++) {
      long t0 = System.nanoTime();
      TraceReplay.Outcome out = TraceReplay.replay(trace);
      long t1 = System.nanoTime();
      for (TextDocument d : out.replicas()) {
        check(d, "replica");
      }
      long t2 = System.nanoTime();
      byte[] snapshot = TextSnapshotCodec.encode(out.document());
      long t3 = System.nanoTime();
      TextDocument loaded = TextSnapshotCodec.decode(snapshot);
      long t4 = System.nanoTime();
      check(loaded, "loaded snapshot");
      long t5 = System.nanoTime();
      TextDocument merged = TraceReplay.merge(out.ops());
      long t6 = System.nanoTime();
      check(merged, "merged replica");
      finalLength = merged.length();
      ops = out.ops().size();
      bytes = snapshot.length;
      long retained = retainedByLoading(snapshot);
      int k = r - warmup;
      progress.printf(
          "run %d/%d%s: apply %.1f ms, encode %.1f ms, load %.1f ms, merge %.1f ms%n",
          r + 1,
          total,
          k < 0 ? " (warm-up)" : "",
          ms(t1 - t0),
          ms(t3 - t2),
          ms(t4 - t3),
          ms(t6 - t5));
      if (k >= 0) {
        apply[k] = ms(t1 - t0);
        encode[k] = ms(t3 - t2);
        load[k] = ms(t4 - t3);
        merge[k] = ms(t6 - t5);
        heap[k] = retained;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("kind", trace.concurrent() ? "concurrent" : "sequential");
    result.put("agents", trace.agents());
    result.put("edits", trace.edits());
    result.put("final_length_code_points", finalLength);
    result.put("ops_after_joining", ops);
    result.put("runs", runs);
    result.put("warmup_runs", warmup);
    result.put("apply_ms", median(apply));
    result.put("encode_ms", median(encode));
    result.put("encoded_bytes", bytes);
    result.put("load_ms", median(load));
    result.put("merge_ms", median(merge));
    result.put("retained_heap_bytes", median(heap));
    result.put(
        "heap_method",
        "used heap after settled System.gc() with the loaded document minus without it");
    result.put("end_content_matches", true);
    return result;
  }

  private void check(TextDocument d, String what) throws TraceMismatchException {
    String text = d.text();
    if (!text.equals(trace.endContent())) {
      int i = 0;
      while (i < text.length()
          && i < trace.endContent().length()
          && text.charAt(i) == trace.endContent().charAt(i)) {
        i++;
      }
      throw new TraceMismatchException(
          what
              + " differs from endContent at UTF-16 index "
              + i
              + " (length "
              + text.length()
              + " vs "
              + trace.endContent().length()
              + ")");
    }
  }

  private static long retainedByLoading(byte[] snapshot) throws Exception {
    long before = settledUsedHeap();
    TextDocument doc = TextSnapshotCodec.decode(snapshot);
    long after = settledUsedHeap();
    Reference.reachabilityFence(doc);
    return Math.max(0, after - before);
  }

  /** Used heap once repeated collections stop changing it (within 1 KiB), at most 20 rounds. */
  private static long settledUsedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      System.gc();
      Thread.sleep(20);
      long used = rt.totalMemory() - rt.freeMemory();
      if (Math.abs(last - used) < 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
