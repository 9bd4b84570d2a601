package org.rhizome.sync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.fuzz.FuzzHarness;

/** A bounded Jazzer run of every sync target; see {@link FuzzHarness} and docs/fuzzing.md. */
class SyncFuzzIT {
  @TempDir Path dir;

  @Test
  void everyTargetSurvivesABoundedFuzzingRun() throws Exception {
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (Class<?> target : FuzzHarness.selected(SyncFuzzTargets.ALL)) {
      FuzzHarness.FuzzRun run =
          FuzzHarness.fuzz(
              target,
              FuzzHarness.SECONDS,
              Files.createDirectories(dir.resolve(target.getSimpleName())),
              FuzzHarness.seedsOf(target));
      String line =
          String.format(
              "fuzz %-28s %,12d executions (at most %d s)%s%n",
              run.target(),
              run.executions(),
              run.seconds(),
              run.clean() ? "" : "  FAILED: " + run.findings());
      System.out.print(line);
      report.append(line);
      // Every target runs even after one fails, so a long run reports them all.
      if (!run.clean()) {
        failures.add(run.target() + " found " + run.findings() + "\n" + run.logTail());
      } else if (run.executions() <= 0) {
        failures.add(run.target() + " did not run\n" + run.logTail());
      }
    }
    Files.writeString(Path.of("target", "fuzz-report.txt"), report);
    assertThat(failures).as("failed targets (inputs and logs in target/fuzz-findings)").isEmpty();
  }
}
