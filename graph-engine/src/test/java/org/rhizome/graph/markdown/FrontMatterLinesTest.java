package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontMatterLinesTest {
  @Test
  void findsEachKeysLinesWithoutTheCommentsAfterThem() {
    String text = "---\na: 1\n# note\nlist:\n  - x\n  - y\n\n\"q k\": v\n---\nbody";
    FrontMatterLines lines = FrontMatterLines.find(text).orElseThrow();
    assertThat(lines.entries())
        .extracting(FrontMatterLines.Entry::key)
        .containsExactly("a", "list", "q k");
    var list = lines.entry("list").orElseThrow();
    assertThat(text.substring(list.start(), list.end())).isEqualTo("list:\n  - x\n  - y\n");
    var a = lines.entry("a").orElseThrow();
    assertThat(text.substring(a.start(), a.end())).isEqualTo("a: 1\n");
    assertThat(text.substring(lines.end())).isEqualTo("body");
  }

  @Test
  void noBlockWithoutAClosingLine() {
    assertThat(FrontMatterLines.find("---\na: 1\nbody")).isEmpty();
    assertThat(FrontMatterLines.find("text\n---\n")).isEmpty();
  }
}
