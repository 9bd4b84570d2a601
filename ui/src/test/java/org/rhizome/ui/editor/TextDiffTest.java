package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  @Test
  void keepsTheCommonPrefixAndSuffix() {
    TextDiff d = TextDiff.between("hello world", "hello big world");
    assertThat(d.edits()).containsExactly(new TextDiff.Edit(6, 6, "big "));
    assertThat(d.applyTo("hello world")).isEqualTo("hello big world");
  }

  @Test
  void twoDistantChangesAreTwoEditsAndAPositionBetweenThemOnlyShifts() {
    String before = "first\nsecond line\nthird";
    String after = "TOP\nfirst\nsecond line\nthird, more";
    TextDiff d = TextDiff.between(before, after);
    assertThat(d.edits()).hasSize(2);
    assertThat(d.applyTo(before)).isEqualTo(after);
    int inSecond = before.indexOf("line");
    assertThat(after.substring(d.map(inSecond), d.map(inSecond) + 4)).isEqualTo("line");
  }

  @Test
  void mapsPositionsBeforeAfterAndInsideTheChange() {
    TextDiff d = TextDiff.between("abcdef", "abXYZef");
    assertThat(d.map(1)).isEqualTo(1);
    assertThat(d.map(5)).isEqualTo(6);
    assertThat(d.map(3)).isEqualTo(5);
  }

  @Test
  void neverSplitsASurrogatePair() {
    String before = "a\uD83C\uDF31b";
    String after = "a\uD83C\uDF3Fb";
    TextDiff d = TextDiff.between(before, after);
    assertThat(d.edits()).containsExactly(new TextDiff.Edit(1, 3, "\uD83C\uDF3F"));
    assertThat(d.applyTo(before)).isEqualTo(after);
  }

  @Test
  void equalTextsGiveNoEdits() {
    assertThat(TextDiff.between("same", "same").isEmpty()).isTrue();
    assertThat(TextDiff.between("aaa", "aaaa").applyTo("aaa")).isEqualTo("aaaa");
    assertThat(TextDiff.between("abc", "").applyTo("abc")).isEmpty();
    assertThat(TextDiff.between("", "x\ny").applyTo("")).isEqualTo("x\ny");
  }

  @Test
  void randomEditsRoundTrip() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      String before = randomText(random);
      String after = mutate(before, random);
      TextDiff d = TextDiff.between(before, after);
      assertThat(d.applyTo(before)).as("seed round " + round).isEqualTo(after);
      int previous = -1;
      for (TextDiff.Edit e : d.edits()) {
        assertThat(e.start()).isGreaterThanOrEqualTo(previous);
        previous = e.oldEnd();
      }
    }
  }

  static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    int lines = r.nextInt(12);
    for (int i = 0; i < lines; i++) {
      sb.append("line ").append(r.nextInt(5)).append(i % 3 == 0 ? " x" : "").append('\n');
    }
    return sb.toString();
  }

  static String mutate(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      if (r.nextBoolean() && at < sb.length()) {
        sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(8)));
      } else {
        sb.insert(at, r.nextBoolean() ? "new\n" : "ab");
      }
    }
    return sb.toString();
  }
}
