package org.rhizome.app.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.markdown.MarkdownSpans;
import org.rhizome.ui.render.ObsidianMarkdown;
import org.rhizome.ui.render.RenderLinks;

/**
 * The figures behind {@code rhizome bench markdown --hostile}: the worst-case cost of parsing a
 * body, over the shapes known to be hard for a Markdown parser (nesting, unclosed brackets and
 * angle destinations, emphasis runs...), each repeated to the full size and to a quarter of it, so
 * the growth shows whether the cost is linear (about 4x) or not (16x for quadratic). What runs is
 * what the app runs on such a body: the index's parse (every replica, on every change of the note),
 * the editor's spans, and optionally the reading view's render. Medians of this thread's CPU and
 * wall, and the process's CPU (a parse that overflows the stack continues on a thread of its own).
 * A step past {@code limitSeconds} is reported as over the limit and the shape's larger sizes are
 * skipped.
 */
final class MarkdownHostileBench {
  /** One unit each, repeated: the shapes of issue 18's hostile trial and of ParseTimeBoundTest. */
  static final List<String> SHAPES =
      List.of(
          "- ", "* ", "1. ", "> ", "> - ", "- a\n  ", "- [", "[", "]", "[a](", "[x](<", "[x](<a",
          "![", "[[", "(", "*", "_", "**", "__", "**a", "*a* ", "a*", "`", "`a", "~~", "<", "<a ",
          "<!--", "&", "\\", "[a]: ", "```\n", "$", "#a ");

  private final int kb;
  private final int runs;
  private final boolean readingView;
  private final int limitSeconds;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final MarkdownParser parser = new MarkdownParser();

  MarkdownHostileBench(int kb, int runs, boolean readingView, int limitSeconds) {
    this.kb = kb;
    this.runs = runs;
    this.readingView = readingView;
    this.limitSeconds = limitSeconds;
  }

  Map<String, Object> run() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("load_average_start", os.getSystemLoadAverage());
    out.put("body_chars", kb * 1024);
    out.put("runs", runs);
    List<Map<String, Object>> shapes = new ArrayList<>();
    Map<String, Object> worst = null;
    long worstCpu = -1;
    Map<String, Function<String, Object>> steps = new LinkedHashMap<>();
    steps.put("index_parse", parser::parse);
    steps.put("editor_spans", MarkdownSpans::of);
    if (readingView) {
      ObsidianMarkdown markdown = new ObsidianMarkdown();
      steps.put("reading_view", body -> markdown.render(body, null, "", RenderLinks.NOWHERE));
    }
    for (String unit : SHAPES) {
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put("unit", unit);
      for (Map.Entry<String, Function<String, Object>> step : steps.entrySet()) {
        Map<String, Object> quarter = measure(step.getValue(), body(unit, kb * 256));
        Map<String, Object> full =
            quarter.containsKey("over_limit_s")
                ? Map.of("skipped", true)
                : measure(step.getValue(), body(unit, kb * 1024));
        Map<String, Object> m = new LinkedHashMap<>(full);
        m.put("quarter", quarter);
        if (full.get("median_cpu_ms") instanceof Long f
            && quarter.get("median_cpu_ms") instanceof Long q) {
          m.put("growth_x4", q == 0 ? null : Math.round(f * 10.0 / q) / 10.0);
          if (f > worstCpu) {
            worstCpu = f;
            worst = Map.of("unit", unit, "step", step.getKey(), "median_cpu_ms", f);
          }
        }
        shape.put(step.getKey(), m);
      }
      shapes.add(shape);
    }
    out.put("shapes", shapes);
    out.put("worst", worst);
    out.put("load_average_end", os.getSystemLoadAverage());
    return out;
  }

  static String body(String unit, int chars) {
    return unit.repeat(Math.max(1, chars / unit.length())) + "x";
  }

  /** Medians of {@link #runs} timed runs after one warm-up, each on a thread of its own. */
  private Map<String, Object> measure(Function<String, Object> step, String body) {
    Map<String, Object> m = new LinkedHashMap<>();
    long[] cpu = new long[runs];
    long[] wall = new long[runs];
    long[] process = new long[runs];
    for (int i = -1; i < runs; i++) {
      long p0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      CompletableFuture<Long> threadCpu =
          CompletableFuture.supplyAsync(
              () -> {
                long c0 = threads.getCurrentThreadCpuTime();
                step.apply(body);
                return threads.getCurrentThreadCpuTime() - c0;
              },
              r -> {
                Thread t = new Thread(null, r, "bench-markdown-hostile", 64L << 20);
                t.setDaemon(true);
                t.start();
              });
      try {
        long c = threadCpu.get(limitSeconds, TimeUnit.SECONDS);
        if (i >= 0) {
          cpu[i] = c;
          wall[i] = System.nanoTime() - t0;
          process[i] = os.getProcessCpuTime() - p0;
        }
      } catch (TimeoutException e) {
        m.put("chars", body.length());
        m.put("over_limit_s", limitSeconds);
        return m;
      } catch (Exception e) {
        m.put("chars", body.length());
        m.put("failed", String.valueOf(e.getCause() != null ? e.getCause() : e));
        return m;
      }
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    Arrays.sort(process);
    m.put("chars", body.length());
    m.put("median_cpu_ms", cpu[runs / 2] / 1_000_000);
    m.put("median_wall_ms", wall[runs / 2] / 1_000_000);
    m.put("median_process_cpu_ms", process[runs / 2] / 1_000_000);
    return m;
  }
}
