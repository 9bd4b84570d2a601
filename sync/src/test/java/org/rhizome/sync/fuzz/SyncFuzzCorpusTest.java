package org.rhizome.sync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rhizome.graph.fuzz.FuzzHarness;

/**
 * Every sync fuzz target replays its seeds and its committed corpus (all that ever crashed or hung)
 * cleanly.
 */
class SyncFuzzCorpusTest {
  @Test
  void everyTargetReplaysItsSeedsAndCorpus() throws Exception {
    for (Class<?> target : SyncFuzzTargets.ALL) {
      assertThat(FuzzHarness.replay(target, FuzzHarness.seedsOf(target)))
          .as(target.getSimpleName())
          .isPositive();
    }
  }
}
