package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionFindingTest {

  private static List<String> found(String text, String phrase) {
    return LinkRewriter.findMentions(text, phrase).stream()
        .map(m -> text.substring(m.start(), m.end()))
        .toList();
  }

  @Test
  void findsWholeWordsIgnoringCase() {
    assertThat(found("Rust is fun. I like rust and RUST.", "rust"))
        .containsExactly("Rust", "rust", "RUST");
  }

  @Test
  void ignoresPartsOfWords() {
    assertThat(found("trusted rusty rust2 2rust", "rust")).isEmpty();
  }

  @Test
  void findsMultiWordPhrase() {
    assertThat(found("About machine learning and Machine Learning.", "Machine Learning"))
        .containsExactly("machine learning", "Machine Learning");
  }

  @Test
  void skipsWikilinksLinksCodeAndFrontMatter() {
    String text =
        "---\ntitle: Rust\n---\n[[Rust]] [[Other|Rust]] [Rust](http://x/Rust) `Rust` <http://rust>\n\n```\nRust\n```\nplain Rust";
    List<Mention> mentions = LinkRewriter.findMentions(text, "Rust");
    assertThat(mentions).hasSize(1);
    assertThat(mentions.get(0).line()).isEqualTo(8);
    assertThat(mentions.get(0).lineText()).isEqualTo("plain Rust");
  }

  @Test
  void findsMentionsInHeadingsAndEmphasis() {
    assertThat(found("# Rust\n\n**Rust** _rust_", "rust")).hasSize(3);
  }

  @Test
  void phraseWithSymbolsAtTheEdge() {
    assertThat(found("I write C++ and C.", "C++")).containsExactly("C++");
  }

  @Test
  void blankPhraseFindsNothing() {
    assertThat(LinkRewriter.findMentions("anything", "  ")).isEmpty();
  }

  @Test
  void offsetsAreRightAfterSurrogatePairs() {
    String text = "😀😀 note 𝄞 Note";
    assertThat(found(text, "note")).containsExactly("note", "Note");
  }
}
