package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link SpliceTransform}: both orders give one text (TP1), and nobody's inserted text is lost. */
class SpliceTransformProperties {

  static List<Splice> randomSplices(Random r, String text, int n, char letter) {
    List<Splice> out = new ArrayList<>();
    String now = text;
    for (int i = 0; i < n; i++) {
      int len = now.length();
      int pos = r.nextInt(len + 1);
      int del = len == pos || r.nextInt(3) > 0 ? 0 : r.nextInt(Math.min(4, len - pos) + 1);
      String ins = r.nextInt(4) == 0 ? "" : String.valueOf(letter).repeat(1 + r.nextInt(3));
      if (del == 0 && ins.isEmpty()) {
        ins = String.valueOf(letter);
      }
      Splice s = new Splice(pos, del, ins);
      out.add(s);
      now = SpliceTransform.apply(now, List.of(s));
    }
    return out;
  }

  @Property(tries = 3000, seed = "13")
  void bothOrdersGiveOneText(@ForAll long seed) {
    Random r = new Random(seed);
    String base = "0123456789".substring(0, r.nextInt(11));
    List<Splice> local = randomSplices(r, base, 1 + r.nextInt(5), 'L');
    List<Splice> remote = randomSplices(r, base, 1 + r.nextInt(5), 'R');
    SpliceTransform.Result t = SpliceTransform.transform(local, remote);
    String a = SpliceTransform.apply(SpliceTransform.apply(base, remote), t.local());
    String b = SpliceTransform.apply(SpliceTransform.apply(base, local), t.remote());
    assertThat(a).isEqualTo(b);
    // every inserted letter survives unless its own side deleted it
    long ls = SpliceTransform.apply(base, local).chars().filter(c -> c == 'L').count();
    long rs = SpliceTransform.apply(base, remote).chars().filter(c -> c == 'R').count();
    assertThat(a.chars().filter(c -> c == 'L').count()).isEqualTo(ls);
    assertThat(a.chars().filter(c -> c == 'R').count()).isEqualTo(rs);
  }

  @Property(tries = 1000, seed = "14")
  void transformingPastAListIsTransformingPastEachInTurn(@ForAll long seed) {
    Random r = new Random(seed);
    String base = "abcdefgh";
    List<Splice> local = randomSplices(r, base, 1 + r.nextInt(4), 'L');
    List<Splice> r1 = randomSplices(r, base, 1 + r.nextInt(3), 'R');
    List<Splice> r2 = randomSplices(r, SpliceTransform.apply(base, r1), 1 + r.nextInt(3), 'S');
    List<Splice> both = new ArrayList<>(r1);
    both.addAll(r2);
    List<Splice> once = SpliceTransform.rebase(local, both);
    List<Splice> stepwise = SpliceTransform.rebase(SpliceTransform.rebase(local, r1), r2);
    assertThat(once).isEqualTo(stepwise);
  }

  @Property(tries = 2000, seed = "15")
  void diffTurnsOneTextIntoTheOtherKeepingWhatBothHold(@ForAll long seed) {
    Random r = new Random(seed);
    String base = "abcdefghij".substring(0, r.nextInt(11));
    String after = SpliceTransform.apply(base, randomSplices(r, base, r.nextInt(5), 'X'));
    List<Splice> diff = SpliceTransform.diff(base, after);
    assertThat(SpliceTransform.apply(base, diff)).isEqualTo(after);
    // unique letters are never deleted and inserted again
    int deleted = diff.stream().mapToInt(Splice::deleteCount).sum();
    long gone = base.chars().filter(c -> after.indexOf(c) < 0).count();
    assertThat(deleted).isEqualTo((int) gone);
  }

  @Test
  void aTieGoesToTheRemoteSideAndACaretFollows() {
    List<Splice> local = List.of(new Splice(2, 0, "LL"));
    List<Splice> remote = List.of(new Splice(2, 0, "RR"));
    assertThat(
            SpliceTransform.apply(
                SpliceTransform.apply("abcd", remote), SpliceTransform.rebase(local, remote)))
        .isEqualTo("abRRLLcd");
    assertThat(SpliceTransform.map(2, remote)).isEqualTo(4);
    assertThat(SpliceTransform.map(3, List.of(new Splice(1, 3, "")))).isEqualTo(1);
  }

  @Test
  void textTypedInsideADeletedRangeSurvives() {
    List<Splice> local = List.of(new Splice(3, 0, "X"));
    List<Splice> remote = List.of(new Splice(1, 4, ""));
    SpliceTransform.Result t = SpliceTransform.transform(local, remote);
    assertThat(SpliceTransform.apply(SpliceTransform.apply("abcdefg", remote), t.local()))
        .isEqualTo("aXfg");
    assertThat(SpliceTransform.apply(SpliceTransform.apply("abcdefg", local), t.remote()))
        .isEqualTo("aXfg");
  }
}
