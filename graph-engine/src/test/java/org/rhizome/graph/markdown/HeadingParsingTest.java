package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadingParsingTest {

  private final MarkdownParser parser = new MarkdownParser();

  private List<Heading> headings(String markdown) {
    return parser.parse(markdown).headings();
  }

  @Test
  void atxHeadingsHaveLevelTextAndLine() {
    assertThat(headings("# One\n\ntext\n\n### Three ###\n"))
        .containsExactly(new Heading(1, "One", 0), new Heading(3, "Three", 4));
  }

  @Test
  void setextHeadingsAreLevelOneAndTwo() {
    assertThat(headings("Title\n=====\n\nSub\n---\n"))
        .containsExactly(new Heading(1, "Title", 0), new Heading(2, "Sub", 3));
  }

  @Test
  void twoLineSetextHeadingIsJoinedWithSpace() {
    assertThat(headings("First\nSecond\n===\n")).containsExactly(new Heading(1, "First Second", 0));
  }

  @Test
  void markupIsRemovedFromHeadingText() {
    assertThat(headings("## A *b* **c** `d` [e](http://x)\n"))
        .containsExactly(new Heading(2, "A b c d e", 0));
  }

  @Test
  void wikilinkAndTagStayInHeadingText() {
    assertThat(headings("# See [[Note|alias]] #tag\n"))
        .extracting(Heading::text)
        .containsExactly("See [[Note|alias]] #tag");
  }

  @Test
  void headingInCodeIsNotAHeading() {
    assertThat(headings("```\n# not\n```\n\n    # not either\n")).isEmpty();
  }

  @Test
  void hashWithoutSpaceIsNotAHeading() {
    assertThat(headings("#tag\n")).isEmpty();
  }

  @Test
  void emptyHeadingIsNotReported() {
    assertThat(headings("#\n\n##   \n")).isEmpty();
  }

  @Test
  void headingLinesCountFromStartOfFileIncludingFrontMatter() {
    assertThat(headings("---\na: 1\n---\n# H\n")).containsExactly(new Heading(1, "H", 3));
  }

  @Test
  void frontMatterDelimiterDoesNotMakeSetextHeading() {
    assertThat(headings("---\ntitle: x\n---\ntext\n")).isEmpty();
  }

  @Test
  void headingsInsideQuotesAndListsAreReported() {
    assertThat(headings("> # Quoted\n\n- ## Listed\n"))
        .extracting(Heading::text)
        .containsExactly("Quoted", "Listed");
  }
}
