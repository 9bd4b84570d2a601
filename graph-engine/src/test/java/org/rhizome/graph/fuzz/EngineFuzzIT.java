package org.rhizome.graph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded Jazzer run of every engine target ({@link FuzzHarness#SECONDS} each, 2,000 inputs or 30
 * s by default; {@code -Pfuzz-long} or {@code -Drhizome.fuzz.seconds=N -Drhizome.fuzz.runs=0} for
 * long runs; docs/fuzzing.md). A finding fails the test with the input's file: add it to the
 * target's corpus folder once fixed.
 */
class EngineFuzzIT {
  @TempDir Path dir;

  @Test
  void everyTargetSurvivesABoundedFuzzingRun() throws Exception {
    Map<Class<?>, List<byte[]>> seeds = EngineSeeds.all(dir);
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (Class<?> target : FuzzHarness.selected(EngineFuzzTargets.ALL)) {
      FuzzHarness.FuzzRun run =
          FuzzHarness.fuzz(
              target,
              FuzzHarness.SECONDS,
              Files.createDirectories(dir.resolve(target.getSimpleName())),
              seeds.get(target));
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
