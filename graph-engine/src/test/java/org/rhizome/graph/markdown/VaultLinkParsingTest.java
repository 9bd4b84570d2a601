package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown links to vault files, and math, as Obsidian reads them. */
class VaultLinkParsingTest {
  private final MarkdownParser parser = new MarkdownParser();

  @Test
  void markdownLinksToVaultFilesAreLinksAndUrlsAreNot() {
    ParsedNote note =
        parser.parse(
            "[plan](Projects/My%20Plan.md#Goals) ![](img.png) [web](https://x.org/a.md) [m](mailto:a@b) [h](#Top)");
    assertThat(note.links())
        .extracting(WikiLink::target)
        .containsExactly("Projects/My Plan.md", "img.png");
    WikiLink plan = note.links().get(0);
    assertThat(plan.heading()).isEqualTo("Goals");
    assertThat(plan.alias()).isEqualTo("plan");
    assertThat(plan.markdown()).isTrue();
    assertThat(note.links().get(1).embed()).isTrue();
  }

  @Test
  void nothingInsideMathIsALinkOrATag() {
    ParsedNote note = parser.parse("$[[A]] #a$ costs $5 and $6 [[B]] #b\n$$\n[[C]] #c\n$$\n[[D]]");
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("B", "D");
    assertThat(note.tags()).containsExactly("b");
  }

  @Test
  void retargetingByPredicateLeavesMarkdownLinksAsWritten() {
    String text = "[x](Old.md) [[Old]]";
    assertThat(LinkRewriter.retarget(text, t -> true, "New")).isEqualTo("[x](Old.md) [[New]]");
  }

  @Test
  void retargetingPerLinkEncodesMarkdownLinkPathsAndKeepsFragments() {
    String text = "[x](Old%20One.md#Top) [y](<Old.md>) [[Old One#Top]]";
    String out = LinkRewriter.retarget(text, t -> t.endsWith(".md") ? "Nü (2).md" : "Nü (2)");
    // Encoded inside <angle brackets> too: Flexmark, like CommonMark before 0.30, reads no spaces
    // there.
    assertThat(out).isEqualTo("[x](Nü%20%282%29.md#Top) [y](<Nü%20%282%29.md>) [[Nü (2)#Top]]");
    assertThat(parser.parse(out).links())
        .extracting(WikiLink::target)
        .containsExactly("Nü (2).md", "Nü (2).md", "Nü (2)");
  }
}
