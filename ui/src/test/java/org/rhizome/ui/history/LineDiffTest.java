package org.rhizome.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void changedWordIsMarkedInBothLines() {
    List<DiffLine> rows =
        LineDiff.of("one\nthe quick fox\nthree", "one\nthe slow fox\nthree", false);
    assertThat(rows)
        .extracting(DiffLine::kind)
        .containsExactly(
            DiffLine.Kind.SAME, DiffLine.Kind.REMOVED, DiffLine.Kind.ADDED, DiffLine.Kind.SAME);
    DiffLine removed = rows.get(1);
    DiffLine added = rows.get(2);
    assertThat(removed.changed())
        .singleElement()
        .satisfies(
            s -> assertThat(removed.text().substring(s.start(), s.end())).isEqualTo("quick"));
    assertThat(added.changed())
        .singleElement()
        .satisfies(s -> assertThat(added.text().substring(s.start(), s.end())).isEqualTo("slow"));
    assertThat(removed.oldNumber()).isEqualTo(2);
    assertThat(added.newNumber()).isEqualTo(2);
  }

  @Test
  void rewrittenLineGetsNoWordMarks() {
    List<DiffLine> rows = LineDiff.of("alpha beta gamma", "something else entirely", false);
    assertThat(rows).allSatisfy(r -> assertThat(r.changed()).isEmpty());
  }

  @Test
  void longUnchangedStretchFoldsKeepingContext() {
    StringBuilder before = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      before.append("line ").append(i).append('\n');
    }
    String after = before.toString().replace("line 20\n", "line twenty\n");
    List<DiffLine> rows = LineDiff.of(before.toString(), after, true);
    assertThat(rows.get(0).kind()).isEqualTo(DiffLine.Kind.FOLD);
    assertThat(rows.get(0).folded()).isEqualTo(16);
    assertThat(rows).filteredOn(r -> r.kind() == DiffLine.Kind.SAME).hasSize(2 * LineDiff.CONTEXT);
    assertThat(rows.get(rows.size() - 1).kind()).isEqualTo(DiffLine.Kind.FOLD);
    assertThat(LineDiff.counts(rows)).containsExactly(1, 1);
    assertThat(LineDiff.of(before.toString(), after, false)).hasSize(42);
  }

  @Test
  void fromNothingEverythingIsAdded() {
    List<DiffLine> rows = LineDiff.of("", "a\nb", true);
    assertThat(rows)
        .extracting(DiffLine::kind)
        .containsExactly(DiffLine.Kind.ADDED, DiffLine.Kind.ADDED);
    assertThat(rows).extracting(DiffLine::newNumber).containsExactly(1, 2);
  }
}
