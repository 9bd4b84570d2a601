package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing is linear in the body on its worst cases (issue 18: one line of 16,000 {@code "- "} took 27 s,
 * dense {@code "[a]("} grew with the square of its length). Timed in this thread's CPU time, the best of
 * three, so a busy machine does not decide: doubling the input may at most about double the time
 * (4× allowed for noise; the quadratic cases did 4× and far more), and 128 K chars stay well inside a second
 * of CPU.
 */
class ParseTimeBoundTest {
  private static final int SIZE = 64 * 1024;
  private final MarkdownParser parser = new MarkdownParser();

  @ParameterizedTest
  @ValueSource(strings = {"- ", "* ", "1. ", "> ", "> - ", "- [", "[", "]", "[a](", "[x](<", "![", "[[", "(", "*", "_",
      "**a", "*a* ", "`", "`a", "~~", "<", "<a ", "<!--", "&", "\\", "[a]: ", "- a\n  ", "```\n", "$", "#a "})
  void doublingAWorstCaseAtMostAboutDoublesTheTime(String unit) {
    parser.parse(body(unit, 2 * SIZE)); // warm up on the larger input, so the JIT has compiled what both sizes run
    long half = bestCpuNanos(body(unit, SIZE));
    long full = bestCpuNanos(body(unit, 2 * SIZE));
    // 6x and the slack absorb a collection or a late compilation on a busy machine (seen: 7 ms then 64 ms;
    // 70 ms then 392 ms at load 40); quadratic input is seconds at this size, which the bound below refuses.
    assertThat(full).as("CPU ns for %d vs %d chars of %s", 2 * SIZE, SIZE, unit.replace("\n", "\\n"))
        .isLessThanOrEqualTo(6 * half + 100_000_000L);
    assertThat(full).as("CPU ns for 128 K chars").isLessThan(2_000_000_000L);
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
    assertThat(limited.substring(0, unit.length() * ParseLimits.MAX_DEPTH)).isEqualTo(deep.substring(0, unit.length() * ParseLimits.MAX_DEPTH));
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
