package org.rhizome.ui.editor.assist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindMatchesTest {

  @Test
  void findsEveryMatchWithOrWithoutCase() {
    String text = "Apple apple APPLE pineapple";
    assertThat(FindMatches.find(text, "apple", false)).containsExactly(0, 6, 12, 22);
    assertThat(FindMatches.find(text, "apple", true)).containsExactly(6, 22);
    assertThat(FindMatches.find(text, "", false)).isEmpty();
    assertThat(FindMatches.find(text, "pear", false)).isEmpty();
  }

  @Test
  void matchesDoNotOverlap() {
    assertThat(FindMatches.find("aaaaa", "aa", true)).containsExactly(0, 2);
  }

  @Test
  void caseFoldingKeepsOffsets() {
    // 'İ'.toLowerCase() is two chars in a whole-string lower-casing; offsets must not shift.
    String text = "İx İx";
    assertThat(FindMatches.find(text, "x", false)).containsExactly(1, 4);
    assertThat(FindMatches.find("ÄÖ äö", "äö", false)).containsExactly(0, 3);
  }

  @Test
  void nextAndPreviousWrapAround() {
    int[] m = {2, 10, 20};
    assertThat(FindMatches.nextFrom(m, 0)).isEqualTo(0);
    assertThat(FindMatches.nextFrom(m, 10)).isEqualTo(1);
    assertThat(FindMatches.nextFrom(m, 11)).isEqualTo(2);
    assertThat(FindMatches.nextFrom(m, 21)).isEqualTo(0);
    assertThat(FindMatches.previousBefore(m, 10)).isEqualTo(0);
    assertThat(FindMatches.previousBefore(m, 2)).isEqualTo(2);
    assertThat(FindMatches.previousBefore(m, 25)).isEqualTo(2);
    assertThat(FindMatches.nextFrom(new int[0], 3)).isEqualTo(-1);
    assertThat(FindMatches.previousBefore(new int[0], 3)).isEqualTo(-1);
  }

  @Test
  void labels() {
    assertThat(FindMatches.label(2, 12, true)).isEqualTo("3 of 12");
    assertThat(FindMatches.label(-1, 12, true)).isEqualTo("12");
    assertThat(FindMatches.label(-1, 0, true)).isEqualTo("No results");
    assertThat(FindMatches.label(-1, 0, false)).isEmpty();
  }

  @Test
  void replaceAllIsOneEditWithTheCaretAfterTheLastReplacement() {
    String text = "cat and cat and CAT";
    int[] m = FindMatches.find(text, "cat", false);
    AssistEdit edit = FindMatches.replaceAll(m, 3, "dog!");
    assertThat(edit.replacements()).hasSize(3);
    assertThat(Caret.after(text, edit)).isEqualTo("dog! and dog! and dog!|");
    AssistEdit shorter = FindMatches.replaceAll(FindMatches.find("xx-xx-", "xx", true), 2, "");
    assertThat(Caret.after("xx-xx-", shorter)).isEqualTo("-|-");
  }

  @Test
  void aHugeNumberOfMatchesIsCapped() {
    String text = "a".repeat(FindMatches.MAX_MATCHES + 50);
    assertThat(FindMatches.find(text, "a", true)).hasSize(FindMatches.MAX_MATCHES);
    assertThat(FindMatches.label(0, FindMatches.MAX_MATCHES, true))
        .isEqualTo("1 of " + FindMatches.MAX_MATCHES + "+");
  }
}
