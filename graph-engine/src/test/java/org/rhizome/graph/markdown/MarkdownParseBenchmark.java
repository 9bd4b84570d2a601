package org.rhizome.graph.markdown;

import java.util.Arrays;

/**
 * Hand-run timing of {@link MarkdownParser#parse} on a realistic 1 KB note (not a test: timings do
 * not belong in CI). Run after {@code mvn -o -pl graph-engine test-compile}:
 *
 * <pre>
 * java -cp graph-engine/target/classes:graph-engine/target/test-classes:$(deps) \
 *     org.rhizome.graph.markdown.MarkdownParseBenchmark
 * </pre>
 */
public final class MarkdownParseBenchmark {

  static final String NOTE =
      """
      ---
      aliases: [Weekly review]
      tags: [review]
      status: draft
      ---
      # Weekly review

      This week I mostly worked on [[Project Atlas]] and read about [[Sequence CRDTs|CRDTs]].
      The sync layer still needs work; see [[Sync Design#Catch-up]] for the open questions. #work

      ## Notes

      - Met with the team about [[Roadmap 2025]] and agreed on the *next* milestone.
      - The diagram is in ![[atlas-architecture.png]] and needs an update.
      - Remember to follow up on the **performance** regression. #todo/followup

      ```java
      // [[not a link]] #notatag
      var parser = new MarkdownParser();
      ParsedNote note = parser.parse(text);
      ```

      ## Next steps

      Write the decision record, then review `LinkRewriter` with the lead. More context in
      [the CommonMark spec](https://spec.commonmark.org/0.31.2/#links) and in older notes.
      Block out Friday morning for the backlog, and ask whether the import of the old wiki
      can wait until the storage format is frozen; nobody wants to migrate twice.
      > Quote of the week: make it work, make it right, make it fast.
      """;

  private MarkdownParseBenchmark() {}

  public static void main(String[] args) {
    MarkdownParser parser = new MarkdownParser();
    ParsedNote check = parser.parse(NOTE);
    System.out.printf(
        "note: %d chars, %d links, %d tags, %d headings%n",
        NOTE.length(), check.links().size(), check.tags().size(), check.headings().size());
    for (int i = 0; i < 50_000; i++) {
      parser.parse(NOTE);
    }
    int rounds = 21;
    int perRound = 20_000;
    double[] microsPerParse = new double[rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        sink += parser.parse(NOTE).links().size();
      }
      microsPerParse[r] = (System.nanoTime() - start) / 1_000.0 / perRound;
    }
    Arrays.sort(microsPerParse);
    System.out.printf(
        "parse: median %.1f µs, min %.1f µs, max %.1f µs (%d rounds of %d; sink %d)%n",
        microsPerParse[rounds / 2],
        microsPerParse[0],
        microsPerParse[rounds - 1],
        rounds,
        perRound,
        sink);
  }
}
