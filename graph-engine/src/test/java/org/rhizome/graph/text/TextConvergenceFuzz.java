package org.rhizome.graph.text;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long pass of {@link TextConvergenceProperties}, on demand only: {@code mvn -o -pl
 * graph-engine test -Dtest=TextConvergenceFuzz -Drhizome.fuzz=20000} runs that many random
 * histories (up to 1,000 steps on 3–5 replicas). A failure names its seed, which then becomes a
 * named regression test.
 */
class TextConvergenceFuzz {
  @Test
  @EnabledIfSystemProperty(named = "rhizome.fuzz", matches = "\\d+")
  void replicasConvergeOverLongHistories() throws TextException {
    int runs = Integer.getInteger("rhizome.fuzz");
    Random seeds = new Random();
    for (int i = 0; i < runs; i++) {
      long seed = seeds.nextLong();
      Random r = new Random(seed);
      int n = 3 + r.nextInt(3);
      int steps = 1 + r.nextInt(1000);
      boolean hotSpots = r.nextBoolean();
      try {
        TextConvergenceProperties.checkConvergence(seed, n, steps, hotSpots);
      } catch (AssertionError | RuntimeException | TextException e) {
        throw new AssertionError(
            "history diverged: seed "
                + seed
                + ", "
                + n
                + " replicas, "
                + steps
                + " steps, hotSpots "
                + hotSpots,
            e);
      }
    }
  }
}
