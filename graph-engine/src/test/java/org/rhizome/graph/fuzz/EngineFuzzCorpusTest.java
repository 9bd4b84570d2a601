package org.rhizome.graph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine fuzz target replays its seeds and its committed corpus (all that ever crashed or
 * hung) cleanly.
 */
class EngineFuzzCorpusTest {
  @TempDir Path dir;

  @Test
  void everyTargetReplaysItsSeedsAndCorpus() throws Exception {
    Map<Class<?>, List<byte[]>> seeds = EngineSeeds.all(dir);
    for (Class<?> target : EngineFuzzTargets.ALL) {
      assertThat(seeds).as("seeds of " + target.getSimpleName()).containsKey(target);
      assertThat(FuzzHarness.replay(target, seeds.get(target))).isPositive();
    }
  }
}
