package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.rhizome.graph.markdown.MarkdownBlocks;
import org.rhizome.graph.markdown.MarkdownSpans;
import org.rhizome.graph.markdown.NoteSpans;
import org.rhizome.ui.editor.MarkdownHighlighter;

/**
 * The figures behind {@code rhizome bench markdown}: what the editor's highlighting computes for a
 * big note, with no window: the whole note when it opens, and the blocks one keystroke changed (the
 * cut of the text into blocks, the spans of the changed ones and their styles). Medians of wall and
 * this thread's CPU time.
 */
final class MarkdownBench {
  private final int kb;
  private final int runs;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  MarkdownBench(int kb, int runs) {
    this.kb = kb;
    this.runs = runs;
  }

  Map<String, Object> run() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String text = note(kb);
    out.put("note_chars", text.length());
    out.put("runs", runs);
    out.put(
        "whole_note", time(() -> MarkdownHighlighter.style(MarkdownSpans.of(text), t -> false)));
    int middle = text.indexOf('\n', text.length() / 2) + 1;
    MarkdownBlocks before = MarkdownBlocks.of(text);
    String after = text.substring(0, middle) + "x" + text.substring(middle);
    out.put("blocks_whole_note", time(() -> MarkdownBlocks.of(after)));
    out.put(
        "one_keystroke",
        time(
            () -> {
              NoteSpans spans =
                  MarkdownBlocks.of(after, before, middle, 0, 1)
                      .spansAfterEdit(before, middle, 0, 1);
              return MarkdownHighlighter.style(spans, t -> false);
            }));
    NoteSpans edited =
        MarkdownBlocks.of(after, before, middle, 0, 1).spansAfterEdit(before, middle, 0, 1);
    out.put("one_keystroke_chars_restyled", edited.to() - edited.from());
    return out;
  }

  private Map<String, Object> time(Supplier<?> work) {
    for (int i = 0; i < 3; i++) {
      work.get(); // warm up
    }
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      work.get();
      wall[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median_wall_us", wall[runs / 2] / 1000);
    m.put("median_cpu_us", cpu[runs / 2] / 1000);
    return m;
  }

  /**
   * About {@code kb} KB of the Markdown people write: headings, lists, links, tags, code, quotes,
   * fences.
   */
  static String note(int kb) {
    StringBuilder sb = new StringBuilder(kb * 1024 + 1024);
    for (int i = 0; sb.length() < kb * 1024; i++) {
      switch (i % 8) {
        case 0 ->
            sb.append("## Section ").append(i).append(" #topic").append(i % 13).append("\n\n");
        case 1 ->
            sb.append("- item with [[Note ")
                .append(i)
                .append("]] and `code #notatag`\n- [ ] task #todo ^b")
                .append(i)
                .append("\n\n");
        case 2 ->
            sb.append("```java\nint x = ")
                .append(i)
                .append("; // #notatag [[not a link]]\n```\n\n");
        case 3 ->
            sb.append(
                    "> quoted **strong** and *em* with #quoted and [a link](https://example.org/#")
                .append(i)
                .append(")\n\n");
        default ->
            sb.append("A paragraph of ordinary prose about [[Topic ")
                .append(i % 97)
                .append("|topic]] with ")
                .append("#tag")
                .append(i % 31)
                .append(", some ==highlight==, $x^")
                .append(i)
                .append(
                    "$ and a #123 that is not a tag. It goes on a little longer, as notes do.\n\n");
      }
    }
    return sb.toString();
  }
}
