package org.rhizome.ui.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyMatcherTest {

  @Test
  void charactersMustAppearInOrder() {
    FuzzyMatcher m = new FuzzyMatcher("lnkbk");
    assertThat(m.score("links and backlinks")).isNotEqualTo(FuzzyMatcher.NO_MATCH);
    assertThat(m.score("backlinks")).isEqualTo(FuzzyMatcher.NO_MATCH);
  }

  @Test
  void prefixAndWordStartsBeatScatteredMatches() {
    FuzzyMatcher m = new FuzzyMatcher("gar");
    assertThat(m.score("garden")).isGreaterThan(m.score("my garden"));
    assertThat(m.score("my garden")).isGreaterThan(m.score("a cigar rack"));
  }

  @Test
  void shorterNamesWinTies() {
    FuzzyMatcher m = new FuzzyMatcher("plan");
    assertThat(m.score("plan")).isGreaterThan(m.score("plan for next year"));
  }

  @Test
  void queryIsTrimmedAndCaseFolded() {
    FuzzyMatcher m = new FuzzyMatcher("  GaR ");
    assertThat(m.score("garden")).isEqualTo(new FuzzyMatcher("gar").score("garden"));
    assertThat(new FuzzyMatcher("   ").isEmpty()).isTrue();
  }
}
