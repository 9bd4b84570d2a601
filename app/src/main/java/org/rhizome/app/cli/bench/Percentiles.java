package org.rhizome.app.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in nanoseconds, summarised as p50/p95/p99/max in milliseconds. */
final class Percentiles {
  private long[] samples = new long[1024];
  private int n;

  void add(long nanos) {
    if (n == samples.length) {
      samples = Arrays.copyOf(samples, n * 2);
    }
    samples[n++] = nanos;
  }

  Map<String, Object> summaryMillis() {
    long[] sorted = Arrays.copyOf(samples, n);
    Arrays.sort(sorted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", n);
    out.put("p50_ms", ms(at(sorted, 0.50)));
    out.put("p95_ms", ms(at(sorted, 0.95)));
    out.put("p99_ms", ms(at(sorted, 0.99)));
    out.put("max_ms", ms(n == 0 ? 0 : sorted[n - 1]));
    return out;
  }

  private static long at(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }
}
