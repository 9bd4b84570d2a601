package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagParsingTest {

  private final MarkdownParser parser = new MarkdownParser();

  private List<String> tags(String markdown) {
    return parser.parse(markdown).tags();
  }

  @Test
  void simpleTagWithoutHash() {
    assertThat(tags("Some #tag here")).containsExactly("tag");
  }

  @Test
  void nestedTagsDashesAndUnderscores() {
    assertThat(tags("#nested/tag #tag-with_dashes"))
        .containsExactly("nested/tag", "tag-with_dashes");
  }

  @Test
  void unicodeLettersAreTagChars() {
    assertThat(tags("#café and #日本 and #naïve")).containsExactly("café", "日本", "naïve");
  }

  @Test
  void digitsOnlyIsNotATag() {
    assertThat(tags("issue #123 and #2024")).isEmpty();
  }

  @Test
  void digitsWithALetterIsATag() {
    assertThat(tags("#y2024 #1a")).containsExactly("y2024", "1a");
  }

  @Test
  void tagStopsAtPunctuation() {
    assertThat(tags("#tag. #other, #third! #c++ #q?"))
        .containsExactly("tag", "other", "third", "c", "q");
  }

  @Test
  void trailingSlashIsNotPartOfTag() {
    assertThat(tags("#parent/ end")).containsExactly("parent");
  }

  @Test
  void hashInTheMiddleOfAWordIsNotATag() {
    assertThat(tags("a#b C#minor")).isEmpty();
  }

  @Test
  void escapedHashIsNotATag() {
    assertThat(tags("\\#notatag")).isEmpty();
  }

  @Test
  void htmlEntityIsNotATag() {
    assertThat(tags("&#35;notatag and &#x23;x")).isEmpty();
  }

  @Test
  void headingMarkerIsNotATagButTagInHeadingIs() {
    assertThat(tags("# Heading\n\n## Sub #intitle ##\n")).containsExactly("intitle");
  }

  @Test
  void hashAtLineStartWithoutSpaceIsATag() {
    assertThat(tags("#tag at start\n#second")).containsExactly("tag", "second");
  }

  @Test
  void tagsInCodeAreIgnored() {
    String text = "`#inline`\n\n```\n#fenced\n```\n\n    #indented\n\n#real";
    assertThat(tags(text)).containsExactly("real");
  }

  @Test
  void urlFragmentsAreNotTags() {
    String text =
        "[link](https://example.com/#frag) <https://example.com/#auto> https://example.com/#bare";
    assertThat(tags(text)).isEmpty();
  }

  @Test
  void linkDestinationToHeadingIsNotATag() {
    assertThat(tags("[jump](#section)")).isEmpty();
  }

  @Test
  void tagInLinkTextIsATag() {
    assertThat(tags("[#label](https://x.org)")).containsExactly("label");
  }

  @Test
  void hashInsideWikilinkIsNotATag() {
    assertThat(tags("[[Note #heading]] [[Note|#alias]]")).isEmpty();
  }

  @Test
  void tagInEmphasisOrParenthesesIsATag() {
    assertThat(tags("**#bold** _#em_ (#paren)")).containsExactly("bold", "em", "paren");
  }

  @Test
  void cssColorInHtmlIsNotATag() {
    assertThat(
            tags(
                "<span style=\"color:#ff0000\">red</span>\n\n<div style=\"color: #00ff00\">x</div>"))
        .isEmpty();
  }

  @Test
  void tagsAreDeduplicatedIgnoringCaseKeepingFirstSpelling() {
    assertThat(tags("#Project and #project and #PROJECT and #other"))
        .containsExactly("Project", "other");
  }

  @Test
  void frontMatterTagsComeFirstAndWinDeduplication() {
    String text = "---\ntags: [Alpha, beta]\n---\n#gamma #alpha #BETA\n";
    assertThat(tags(text)).containsExactly("Alpha", "beta", "gamma");
  }

  @Test
  void tagAfterTabOrNoBreakSpaceIsATag() {
    assertThat(tags("x\t#tab x\u00A0#nbsp")).containsExactly("tab", "nbsp");
  }

  @Test
  void lonelyHashIsNotATag() {
    assertThat(tags("# \n#\n a # b")).isEmpty();
  }
}
