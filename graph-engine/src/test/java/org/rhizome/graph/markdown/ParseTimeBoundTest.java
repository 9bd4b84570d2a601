package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing stays bounded on its worst cases (issue 18: one line of 16,000 {@code "- "} took 27 s,
 * dense {@code "[a]("} grew with the square of its length). Timed in this thread's CPU time, the
 * best of three, so a busy machine does not decide: 128 K chars of each worst case stay under 2 s
 * of CPU.
 */
class ParseTimeBoundTest {
  private static final int SIZE = 64 * 1024;
  private final MarkdownParser parser = new MarkdownParser();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "- ", "* ", "1. ", "> ", "> - ", "- [", "[", "]", "[a](", "[x](<", "![", "[[", "(", "*",
        "_", "**a", "*a* ", "`", "`a", "~~", "<", "<a ", "<!--", "&", "\\", "[a]: ", "- a\n  ",
        "```\n", "$", "#a "
      })
  void aWorstCaseOf128KCharsParsesWithinABoundedTime(String unit) {
    // A bound, not a ratio: ratios of CPU times of a few tens of milliseconds swung from 2x to 13x
    // on
    // this 2-core machine (a collection, a late compilation, the large-stack fallback thread, which
    // this thread's CPU time does not see). The quadratic cases this guards against took 27 s for
    // 32 K chars; linear ones take well under a second for 128 K.
    parser.parse(body(unit, SIZE)); // warm up
    long full = bestCpuNanos(body(unit, 2 * SIZE));
    assertThat(full)
        .as("CPU ns for %d chars of %s", 2 * SIZE, unit.replace("\n", "\\n"))
        .isLessThan(2_000_000_000L);
  }

  @org.junit.jupiter.api.Test
  void aHundredThousandUnclosedAngleDestinationsStayLinear() {
    // Issue 18: "[x](<" repeated 100,000 times (500 K chars), a link whose "<" destination never
    // closes. Read both ways the app reads a note: the index's parse and the editor's spans.
    String text = "[x](<".repeat(100_000);
    parser.parse(text); // warm up
    assertThat(bestCpuNanos(text)).as("CPU ns to parse 100,000 [x](<").isLessThan(4_000_000_000L);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = threads.getCurrentThreadCpuTime();
    NoteSpans spans = MarkdownSpans.of(text);
    assertThat(threads.getCurrentThreadCpuTime() - t0)
        .as("CPU ns for the editor's spans")
        .isLessThan(8_000_000_000L);
    assertThat(spans.links()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {16_000, 200_000})
  void deepNestingStillFindsLinksAndKeepsOffsets(int depth) {
    String text = "- ".repeat(depth) + "[[Deep]] #tag";
    ParsedNote note = parser.parse(text);
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("Deep");
    WikiLink link = note.links().get(0);
    assertThat(text.substring(link.start(), link.end())).isEqualTo("[[Deep]]");
    assertThat(note.tags()).containsExactly("tag");
  }

  @ParameterizedTest
  @ValueSource(strings = {"- ", "> ", "1. "})
  void shallowNestingIsUntouched(String unit) {
    String text = unit.repeat(10) + "x";
    assertThat(ParseLimits.apply(text)).isSameAs(text);
    String deep = unit.repeat(ParseLimits.MAX_DEPTH + 5) + "x";
    String limited = ParseLimits.apply(deep);
    assertThat(limited).hasSameSizeAs(deep);
    assertThat(limited.substring(0, unit.length() * ParseLimits.MAX_DEPTH))
        .isEqualTo(deep.substring(0, unit.length() * ParseLimits.MAX_DEPTH));
  }

  private static String body(String unit, int chars) {
    return unit.repeat(chars / unit.length()) + "x";
  }

  private long bestCpuNanos(String text) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      parser.parse(text);
      best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
    }
    return best;
  }
}
