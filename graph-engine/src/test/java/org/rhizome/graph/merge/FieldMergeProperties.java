package org.rhizome.graph.merge;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rhizome.graph.model.ActorId;

class FieldMergeProperties {

  @Provide
  Arbitrary<FieldState> states() {
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(3);
    Arbitrary<Long> clocks = Arbitraries.longs().between(0, 4);
    Arbitrary<ActorId> actors =
        Arbitraries.integers()
            .between(1, 3)
            .map(
                i -> {
                  byte[] b = new byte[32];
                  b[31] = i.byteValue();
                  return ActorId.of(b);
                });
    return Combinators.combine(values, clocks, actors).as(FieldState::new);
  }

  @Property(tries = 500, seed = "20261124")
  void mergeIsCommutative(@ForAll("states") FieldState a, @ForAll("states") FieldState b) {
    assertThat(FieldMerge.merge(a, b)).isEqualTo(FieldMerge.merge(b, a));
  }

  @Property(tries = 500, seed = "20261124")
  void mergeIsAssociative(
      @ForAll("states") FieldState a,
      @ForAll("states") FieldState b,
      @ForAll("states") FieldState c) {
    assertThat(FieldMerge.merge(FieldMerge.merge(a, b), c))
        .isEqualTo(FieldMerge.merge(a, FieldMerge.merge(b, c)));
  }

  @Property(tries = 200, seed = "20261124")
  void mergeIsIdempotent(@ForAll("states") FieldState a, @ForAll("states") FieldState b) {
    FieldState m = FieldMerge.merge(a, b);
    assertThat(FieldMerge.merge(m, b)).isEqualTo(m);
    assertThat(FieldMerge.merge(a, a)).isEqualTo(a);
  }

  @Property(tries = 200, seed = "20261124")
  void laterClockAlwaysWins(@ForAll("states") FieldState a, @ForAll("states") FieldState b) {
    if (a.hlc() != b.hlc()) {
      assertThat(FieldMerge.merge(a, b).hlc()).isEqualTo(Math.max(a.hlc(), b.hlc()));
    }
  }
}
