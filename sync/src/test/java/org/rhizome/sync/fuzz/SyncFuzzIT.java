package org.rhizome.sync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.fuzz.FuzzHarness;

/** A bounded Jazzer run of every sync target; see {@link FuzzHarness} and docs/fuzzing.md. */
class SyncFuzzIT {
  @TempDir Path dir;

  @Test
  void everyTargetSurvivesABoundedFuzzingRun() throws Exception {
    StringBuilder report = new StringBuilder();
    for (Class<?> target : SyncFuzzTargets.ALL) {
      FuzzHarness.FuzzRun run =
          FuzzHarness.fuzz(
              target,
              FuzzHarness.SECONDS,
              Files.createDirectories(dir.resolve(target.getSimpleName())),
              FuzzHarness.seedsOf(target));
      String line =
          String.format(
              "fuzz %-28s %,12d executions (at most %d s)%n",
              run.target(), run.executions(), run.seconds());
      System.out.print(line);
      report.append(line);
      assertThat(run.clean())
          .as(run.target() + " found " + run.findings() + "\n" + run.logTail())
          .isTrue();
      assertThat(run.executions()).as(run.target() + " ran\n" + run.logTail()).isPositive();
    }
    Files.writeString(Path.of("target", "fuzz-report.txt"), report);
  }
}
