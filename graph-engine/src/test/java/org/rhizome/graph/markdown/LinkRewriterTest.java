package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkRewriterTest {

  private static String rename(String text, String from, String to) {
    return LinkRewriter.retarget(text, from::equalsIgnoreCase, to);
  }

  @Test
  void rewritesPlainLink() {
    assertThat(rename("See [[Old]].", "Old", "New Name")).isEqualTo("See [[New Name]].");
  }

  @Test
  void keepsHeadingAliasAndEmbed() {
    String text = "[[Old#Part|shown]] ![[Old]] ![[Old#^block]] [[Old|a|b]]";
    assertThat(rename(text, "Old", "New"))
        .isEqualTo("[[New#Part|shown]] ![[New]] ![[New#^block]] [[New|a|b]]");
  }

  @Test
  void keepsSpacingInsideBrackets() {
    assertThat(rename("[[  Old  |  alias ]]", "Old", "New")).isEqualTo("[[  New  |  alias ]]");
  }

  @Test
  void keepsTableEscapedPipe() {
    assertThat(rename("| [[Old\\|alias]] |", "Old", "New")).isEqualTo("| [[New\\|alias]] |");
  }

  @Test
  void leavesOtherTargetsAlone() {
    assertThat(rename("[[Old]] [[Older]] [[Other|Old]]", "Old", "New"))
        .isEqualTo("[[New]] [[Older]] [[Other|Old]]");
  }

  @Test
  void leavesCodeAlone() {
    String text = "`[[Old]]`\n\n```\n[[Old]]\n```\n\n    [[Old]]\n\n[[Old]]";
    assertThat(rename(text, "Old", "New"))
        .isEqualTo("`[[Old]]`\n\n```\n[[Old]]\n```\n\n    [[Old]]\n\n[[New]]");
  }

  @Test
  void leavesSameNoteHeadingLinksAloneAndNeverAsksAboutThem() {
    List<String> asked = new ArrayList<>();
    String text = "[[#Heading]] [[Old#Heading]]";
    String result =
        LinkRewriter.retarget(
            text,
            target -> {
              asked.add(target);
              return true;
            },
            "New");
    assertThat(result).isEqualTo("[[#Heading]] [[New#Heading]]");
    assertThat(asked).containsExactly("Old");
  }

  @Test
  void rewritesLinksInFrontMatterValues() {
    String text = "---\nrelated: \"[[Old]]\"\n---\n[[Old]]\n";
    assertThat(rename(text, "Old", "New")).isEqualTo("---\nrelated: \"[[New]]\"\n---\n[[New]]\n");
  }

  @Test
  void returnsSameInstanceWhenNothingMatches() {
    String text = "[[Other]] and `[[Old]]`";
    assertThat(rename(text, "Old", "New")).isSameAs(text);
  }

  @Test
  void keepsCrlfAndSurrogatesAroundRewrittenLinks() {
    String text = "😀 [[Old]]\r\n👍🏽 ![[Old|x]]\r\n";
    assertThat(rename(text, "Old", "Nü 📓")).isEqualTo("😀 [[Nü 📓]]\r\n👍🏽 ![[Nü 📓|x]]\r\n");
  }

  @Test
  void matcherSeesTrimmedTargetAsWritten() {
    List<String> asked = new ArrayList<>();
    LinkRewriter.retarget("[[ folder/Old.md ]]", target -> asked.add(target), "New");
    assertThat(asked).containsExactly("folder/Old.md");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a[b", "a]b", "a|b", "a#b", "a^b", "a\nb", "", "  ", " lead", "trail "})
  void rejectsTargetsThatCannotBeWritten(String target) {
    assertThatThrownBy(() -> LinkRewriter.retarget("[[Old]]", t -> true, target))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
