package org.rhizome.ui.backlinks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionLinkerTest {

  @Test
  void linksTheFirstWholeWordMentionOnTheLine() {
    assertThat(MentionLinker.link("intro\nI met Bees and bees.\n", 1, "Bees"))
        .contains("intro\nI met [[Bees]] and bees.\n");
  }

  @Test
  void keepsTheWrittenCaseAsTheLabel() {
    assertThat(MentionLinker.link("some bees here", 0, "Bees")).contains("some [[Bees|bees]] here");
  }

  @Test
  void ignoresPartsOfWordsAndExistingLinksAndMissingLines() {
    assertThat(MentionLinker.link("beeswax only", 0, "Bees")).isEmpty();
    assertThat(MentionLinker.link("[[Bees]] only", 0, "Bees")).isEmpty();
    assertThat(MentionLinker.link("one line", 3, "Bees")).isEmpty();
  }

  @Test
  void titlesWithRegexCharactersAreTakenLiterally() {
    assertThat(MentionLinker.link("see C++ (notes) now", 0, "C++ (notes)"))
        .contains("see [[C++ (notes)]] now");
  }
}
