package org.rhizome.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDeltaTest {
  @Test
  void equalTextsChangeNothing() {
    assertThat(WordDelta.between("same words", "same words")).isEqualTo(WordDelta.NONE);
    assertThat(WordDelta.between("", "")).isEqualTo(WordDelta.NONE);
    assertThat(WordDelta.NONE.describe()).isEqualTo("no words changed");
  }

  @Test
  void typedWordsAreAdded() {
    assertThat(WordDelta.between("", "three typed lines\nof text\n"))
        .isEqualTo(new WordDelta(5, 0));
    assertThat(WordDelta.between("the fox", "the quick fox")).isEqualTo(new WordDelta(1, 0));
    assertThat(WordDelta.between("the fox", "the quick fox").describe()).isEqualTo("+1 word");
  }

  @Test
  void deletedWordsAreRemoved() {
    assertThat(WordDelta.between("the quick brown fox", "the fox")).isEqualTo(new WordDelta(0, 2));
    assertThat(WordDelta.between("the quick brown fox", "the fox").describe())
        .isEqualTo("−2 words");
  }

  @Test
  void aWordCutByTheEditCountsAsReplaced() {
    // "hel" finished to "hello": the word changed, so one out and one in
    assertThat(WordDelta.between("say hel", "say hello")).isEqualTo(new WordDelta(1, 1));
    assertThat(WordDelta.between("colour scheme", "color scheme")).isEqualTo(new WordDelta(1, 1));
    assertThat(new WordDelta(3, 1).describe()).isEqualTo("+3 −1 words");
  }

  @Test
  void punctuationAndSpacingAloneChangeNoWords() {
    assertThat(WordDelta.between("a b", "a, b!")).isEqualTo(WordDelta.NONE);
    assertThat(WordDelta.between("line one\nline two", "line one\n\n\nline two"))
        .isEqualTo(WordDelta.NONE);
  }

  @Test
  void apostrophesAccentsAndScriptsStayInOneWord() {
    assertThat(WordDelta.between("", "don't café naïve 東京")).isEqualTo(new WordDelta(4, 0));
    assertThat(WordDelta.between("", "e\u0301te\u0301"))
        .isEqualTo(new WordDelta(1, 0)); // combining marks
  }

  @Test
  void repeatedWordsAreCountedEachTime() {
    assertThat(WordDelta.between("go", "go go go")).isEqualTo(new WordDelta(2, 0));
  }
}
