package org.rhizome.ui.editor.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagSuggestionsTest {
  static final List<TagSuggestions.Tag> TAGS =
      List.of(
          new TagSuggestions.Tag("project", 3),
          new TagSuggestions.Tag("projects/garden", 9),
          new TagSuggestions.Tag("side-project", 5),
          new TagSuggestions.Tag("Proposal", 1),
          new TagSuggestions.Tag("todo", 20));

  @Test
  void aTagIsBeingTypedAfterAHashNotGluedToAWord() {
    assertThat(TagSuggestions.typingAt("see #pro", 8))
        .contains(new TagSuggestions.Typing(4, "pro"));
    assertThat(TagSuggestions.typingAt("#pro", 4)).contains(new TagSuggestions.Typing(0, "pro"));
    assertThat(TagSuggestions.typingAt("(#a/b-c", 7))
        .contains(new TagSuggestions.Typing(1, "a/b-c"));
    assertThat(TagSuggestions.typingAt("see #pro more", 8))
        .contains(new TagSuggestions.Typing(4, "pro"));
    assertThat(TagSuggestions.typingAt("#", 1)).isEmpty();
    assertThat(TagSuggestions.typingAt("# Heading", 9)).isEmpty();
    assertThat(TagSuggestions.typingAt("C#pro", 5)).isEmpty();
    assertThat(TagSuggestions.typingAt("a&#x", 4)).isEmpty();
    assertThat(TagSuggestions.typingAt("issue #12", 9)).isEmpty();
    assertThat(TagSuggestions.typingAt("plain", 5)).isEmpty();
  }

  @Test
  void prefixMatchesComeFirstThenContaining_eachByUse() {
    assertThat(TagSuggestions.suggest(TAGS, "pro", 10))
        .extracting(TagSuggestions.Tag::name)
        .containsExactly("projects/garden", "project", "Proposal", "side-project");
    assertThat(TagSuggestions.suggest(TAGS, "PRO", 2))
        .extracting(TagSuggestions.Tag::name)
        .containsExactly("projects/garden", "project");
    assertThat(TagSuggestions.suggest(TAGS, "todo", 10)).isEmpty();
    assertThat(TagSuggestions.suggest(TAGS, "zzz", 10)).isEmpty();
  }

  @Test
  void completingKeepsWhatWasTypedAndAddsASpace() {
    var typing = TagSuggestions.typingAt("see #proj", 9).orElseThrow();
    assertThat(
            Caret.after(
                "see #proj",
                TagSuggestions.complete(typing, 9, "projects/garden", BracketPairing.NONE)))
        .isEqualTo("see #projects/garden |");
    AssistEdit edit = TagSuggestions.complete(typing, 9, "projects/garden", BracketPairing.NONE);
    assertThat(edit.replacements().get(0).start())
        .as("the typed 'proj' is kept, not retyped")
        .isEqualTo(9);
    var upper = TagSuggestions.typingAt("#prop x", 5).orElseThrow();
    assertThat(Caret.after("#prop x", TagSuggestions.complete(upper, 5, "Proposal", ' ')))
        .isEqualTo("#Proposal |x");
  }
}
