package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WikiLinkParsingTest {

  private final MarkdownParser parser = new MarkdownParser();

  private List<WikiLink> links(String markdown) {
    return parser.parse(markdown).links();
  }

  private static WikiLink only(List<WikiLink> links) {
    assertThat(links).hasSize(1);
    return links.get(0);
  }

  @Test
  void plainLinkHasTargetAndOffsets() {
    String text = "See [[Target]] here";
    WikiLink link = only(links(text));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.heading()).isNull();
    assertThat(link.alias()).isNull();
    assertThat(link.embed()).isFalse();
    assertThat(text.substring(link.start(), link.end())).isEqualTo("[[Target]]");
    assertThat(text.substring(link.targetStart(), link.targetEnd())).isEqualTo("Target");
    assertThat(link.line()).isZero();
    assertThat(link.lineText()).isEqualTo("See [[Target]] here");
  }

  @Test
  void aliasFollowsPipe() {
    WikiLink link = only(links("[[Target|shown text]]"));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.alias()).isEqualTo("shown text");
    assertThat(link.heading()).isNull();
  }

  @Test
  void headingFollowsHash() {
    WikiLink link = only(links("[[Target#Some Heading]]"));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.heading()).isEqualTo("Some Heading");
  }

  @Test
  void headingAndAlias() {
    String text = "[[Target#Heading|alias]]";
    WikiLink link = only(links(text));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.heading()).isEqualTo("Heading");
    assertThat(link.alias()).isEqualTo("alias");
    assertThat(text.substring(link.targetStart(), link.targetEnd())).isEqualTo("Target");
  }

  @Test
  void subHeadingPathAndBlockReferenceStayInHeading() {
    assertThat(only(links("[[Note#H1#H2]]")).heading()).isEqualTo("H1#H2");
    assertThat(only(links("[[Note#^block-1]]")).heading()).isEqualTo("^block-1");
  }

  @Test
  void embedIncludesBang() {
    String text = "x ![[Target]] y";
    WikiLink link = only(links(text));
    assertThat(link.embed()).isTrue();
    assertThat(text.substring(link.start(), link.end())).isEqualTo("![[Target]]");
    assertThat(link.target()).isEqualTo("Target");
  }

  @Test
  void imageEmbedKeepsExtensionInTarget() {
    WikiLink link = only(links("![[image.png|200]]"));
    assertThat(link.embed()).isTrue();
    assertThat(link.target()).isEqualTo("image.png");
    assertThat(link.alias()).isEqualTo("200");
  }

  @Test
  void escapedBangIsNotAnEmbed() {
    String text = "\\![[Target]]";
    WikiLink link = only(links(text));
    assertThat(link.embed()).isFalse();
    assertThat(link.start()).isEqualTo(2);
  }

  @Test
  void sameNoteHeadingLinkHasEmptyTarget() {
    String text = "[[#Heading]]";
    WikiLink link = only(links(text));
    assertThat(link.target()).isEmpty();
    assertThat(link.heading()).isEqualTo("Heading");
    assertThat(link.targetStart()).isEqualTo(2);
    assertThat(link.targetEnd()).isEqualTo(2);
  }

  @Test
  void targetIsTrimmedAndItsSpanExcludesSpaces() {
    String text = "[[  Target Name  | alias ]]";
    WikiLink link = only(links(text));
    assertThat(link.target()).isEqualTo("Target Name");
    assertThat(text.substring(link.targetStart(), link.targetEnd())).isEqualTo("Target Name");
    assertThat(link.alias()).isEqualTo("alias");
  }

  @Test
  void escapedPipeInTableCellSeparatesAlias() {
    String text = "| a | [[Target\\|alias]] |\n|---|---|\n";
    WikiLink link = only(links(text));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.alias()).isEqualTo("alias");
    assertThat(text.substring(link.targetStart(), link.targetEnd())).isEqualTo("Target");
  }

  @Test
  void escapedPipeAfterHeadingSeparatesAlias() {
    WikiLink link = only(links("[[Target#Head\\|alias]]"));
    assertThat(link.heading()).isEqualTo("Head");
    assertThat(link.alias()).isEqualTo("alias");
  }

  @Test
  void blankAliasAndHeadingAreNull() {
    WikiLink link = only(links("[[Target#|]]"));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.heading()).isNull();
    assertThat(link.alias()).isNull();
  }

  @Test
  void emptyBracketsAreNotALink() {
    assertThat(links("[[]] and [[ ]] and [[|alias]] and [[#]]")).isEmpty();
  }

  @Test
  void unclosedBracketsAreNotALink() {
    assertThat(links("[[Target and more text")).isEmpty();
    assertThat(links("[[Target]")).isEmpty();
  }

  @Test
  void linkDoesNotSpanLines() {
    assertThat(links("[[Tar\nget]]")).isEmpty();
    assertThat(links("[[Tar\r\nget]]")).isEmpty();
  }

  @Test
  void innerLinkWinsWhenBracketsNest() {
    WikiLink link = only(links("[[outer [[inner]] rest]]"));
    assertThat(link.target()).isEqualTo("inner");
  }

  @Test
  void extraOpeningBracketIsText() {
    String text = "[[[Target]]";
    WikiLink link = only(links(text));
    assertThat(link.target()).isEqualTo("Target");
    assertThat(link.start()).isEqualTo(1);
  }

  @Test
  void targetWithSingleBracketIsNotALink() {
    assertThat(links("[[a]b]]")).isEmpty();
  }

  @Test
  void aliasMayContainSingleBrackets() {
    assertThat(only(links("[[Target|[draft] notes]]")).alias()).isEqualTo("[draft] notes");
  }

  @Test
  void escapedOpeningBracketIsNotALink() {
    assertThat(links("\\[[Target]]")).isEmpty();
    assertThat(only(links("\\\\[[Target]]")).target()).isEqualTo("Target");
  }

  @Test
  void severalLinksInOrderWithLineNumbers() {
    String text = "# Title\n\n[[A]] and [[B]]\n\n- item ![[C]]\n";
    List<WikiLink> links = links(text);
    assertThat(links).extracting(WikiLink::target).containsExactly("A", "B", "C");
    assertThat(links).extracting(WikiLink::line).containsExactly(2, 2, 4);
    assertThat(links.get(2).lineText()).isEqualTo("- item ![[C]]");
  }

  @Test
  void linksInsideCodeAreIgnored() {
    String text =
        String.join(
            "\n",
            "`[[InlineCode]]`",
            "",
            "```",
            "[[Fenced]]",
            "```",
            "",
            "    [[Indented]]",
            "",
            "~~~md",
            "![[FencedTilde]]",
            "~~~",
            "",
            "[[Real]]");
    assertThat(links(text)).extracting(WikiLink::target).containsExactly("Real");
  }

  @Test
  void unclosedFenceHidesTheRestOfTheNote() {
    assertThat(links("[[Before]]\n```\n[[Inside]]\n"))
        .extracting(WikiLink::target)
        .containsExactly("Before");
  }

  @Test
  void linkWhoseEndIsInsideCodeSpanIsNotALink() {
    assertThat(links("[[a `b]]` c")).isEmpty();
  }

  @Test
  void linksInListsQuotesAndEmphasisAreFound() {
    String text = "> quoted [[Q]]\n\n1. item [[L]]\n\n**bold [[B]]** _em [[E]]_";
    assertThat(links(text)).extracting(WikiLink::target).containsExactly("Q", "L", "B", "E");
  }

  @Test
  void linkInsideMarkdownLinkTextIsFoundButNotInDestination() {
    String text = "[see [[Inner]]](https://example.com/[[NotALink]])";
    assertThat(links(text)).extracting(WikiLink::target).containsExactly("Inner");
  }

  @Test
  void linkInInlineHtmlAttributeIsIgnored() {
    assertThat(links("<a title=\"[[Attr]]\">x</a> [[Real]]"))
        .extracting(WikiLink::target)
        .containsExactly("Real");
  }

  @Test
  void linkInHtmlCommentIsIgnored() {
    assertThat(links("<!-- [[Hidden]] -->\n\n[[Real]]"))
        .extracting(WikiLink::target)
        .containsExactly("Real");
  }

  @Test
  void linkInOrdinaryHtmlBlockIsFound() {
    assertThat(links("<div>\n[[InDiv]]\n</div>\n"))
        .extracting(WikiLink::target)
        .containsExactly("InDiv");
  }

  @Test
  void linkInPreBlockIsIgnored() {
    assertThat(links("<pre>\n[[InPre]]\n</pre>\n")).isEmpty();
  }

  @Test
  void linkInHeadingIsFound() {
    assertThat(links("## About [[Topic]]")).extracting(WikiLink::target).containsExactly("Topic");
  }

  @Test
  void pathAndExtensionStayInTarget() {
    assertThat(only(links("[[folder/Sub Note.md]]")).target()).isEqualTo("folder/Sub Note.md");
  }

  @Test
  void linksInFrontMatterValuesComeFirst() {
    String text = "---\nrelated: \"[[Other]]\"\n---\nBody [[Body Link]]\n";
    List<WikiLink> links = links(text);
    assertThat(links).extracting(WikiLink::target).containsExactly("Other", "Body Link");
    assertThat(links.get(0).line()).isEqualTo(1);
  }
}
