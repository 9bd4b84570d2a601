package org.rhizome.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MyersDiffTest {
  private static List<Integer> apply(int[] a, int[] b, List<MyersDiff.Edit> edits) {
    List<Integer> out = new ArrayList<>();
    int x = 0;
    int y = 0;
    for (MyersDiff.Edit e : edits) {
      assertThat(e.aFrom()).isEqualTo(x);
      assertThat(e.bFrom()).isEqualTo(y);
      switch (e.kind()) {
        case EQUAL -> {
          for (int i = e.aFrom(); i < e.aTo(); i++) {
            assertThat(a[i]).isEqualTo(b[e.bFrom() + i - e.aFrom()]);
            out.add(a[i]);
          }
        }
        case INSERT -> {
          assertThat(e.aTo()).isEqualTo(e.aFrom());
          for (int j = e.bFrom(); j < e.bTo(); j++) {
            out.add(b[j]);
          }
        }
        case DELETE -> assertThat(e.bTo()).isEqualTo(e.bFrom());
      }
      x = e.aTo();
      y = e.bTo();
    }
    assertThat(x).isEqualTo(a.length);
    assertThat(y).isEqualTo(b.length);
    return out;
  }

  private static int editCount(List<MyersDiff.Edit> edits) {
    int n = 0;
    for (MyersDiff.Edit e : edits) {
      n +=
          switch (e.kind()) {
            case EQUAL -> 0;
            case DELETE -> e.aTo() - e.aFrom();
            case INSERT -> e.bTo() - e.bFrom();
          };
    }
    return n;
  }

  /**
   * The length of the longest common subsequence, by dynamic programming: the shortest script has n
   * + m − 2·lcs edits.
   */
  private static int lcs(int[] a, int[] b) {
    int[][] t = new int[a.length + 1][b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t[a.length][b.length];
  }

  private static int[] random(Random r, int maxLength, int alphabet) {
    int[] out = new int[r.nextInt(maxLength + 1)];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.nextInt(alphabet);
    }
    return out;
  }

  @Test
  void scriptTurnsAIntoBWithTheFewestEdits() {
    Random r = new Random(17);
    for (int round = 0; round < 2000; round++) {
      int[] a = random(r, 30, 1 + r.nextInt(6));
      int[] b = random(r, 30, 1 + r.nextInt(6));
      List<MyersDiff.Edit> edits = MyersDiff.diff(a, b);
      List<Integer> result = apply(a, b, edits);
      assertThat(result)
          .containsExactly(java.util.Arrays.stream(b).boxed().toArray(Integer[]::new));
      assertThat(editCount(edits)).isEqualTo(a.length + b.length - 2 * lcs(a, b));
    }
  }

  @Test
  void identicalAndEmptyInputs() {
    assertThat(MyersDiff.diff(new int[0], new int[0])).isEmpty();
    assertThat(MyersDiff.diff(new int[] {1, 2}, new int[] {1, 2}))
        .containsExactly(new MyersDiff.Edit(MyersDiff.Kind.EQUAL, 0, 2, 0, 2));
    assertThat(MyersDiff.diff(new int[0], new int[] {4}))
        .containsExactly(new MyersDiff.Edit(MyersDiff.Kind.INSERT, 0, 0, 0, 1));
  }

  @Test
  void veryDifferentLongInputsFallBackToReplacingTheMiddle() {
    int n = 2 * MyersDiff.MAX_EDITS;
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
      b[i] = n + i;
    }
    a[0] = b[0] = -1;
    List<MyersDiff.Edit> edits = MyersDiff.diff(a, b);
    apply(a, b, edits);
    assertThat(edits).hasSize(3);
  }
}
