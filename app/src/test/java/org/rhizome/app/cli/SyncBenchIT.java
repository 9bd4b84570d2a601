package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench sync} on a small load: every figure is measured and plausible (the command itself,
 * not its speed).
 */
@Timeout(120)
class SyncBenchIT {
  @TempDir Path dir;

  @Test
  void benchSyncMeasuresEveryFigure() {
    JsonNode r =
        new CliRunner(dir)
            .json(
                "bench",
                "sync",
                "--peers",
                "2",
                "--edits",
                "20",
                "--rate",
                "50",
                "--changes",
                "200",
                "--catchup",
                "300",
                "--catchup-runs",
                "2",
                "--json");
    JsonNode run = r.path("runs").get(0);
    assertThat(run.path("peers").asInt()).isEqualTo(2);
    assertThat(run.path("latency").path("samples").asInt()).isEqualTo(20);
    assertThat(run.path("latency").path("p99_ms").asDouble())
        .isGreaterThan(0)
        .isGreaterThanOrEqualTo(run.path("latency").path("p50_ms").asDouble());
    assertThat(run.path("sustained").path("changes_per_s").asLong()).isPositive();
    assertThat(run.path("partition").path("converge_ms").asDouble()).isPositive();
    assertThat(run.path("sustained").path("cpu_s").asDouble()).isPositive();
    assertThat(run.path("sustained").path("engine_cpu_us_per_change_per_peer").asLong())
        .isPositive();
    assertThat(run.path("sustained").path("cpu_ms_by_thread").path("writer").asLong()).isPositive();
    assertThat(run.path("latency").path("cpu_s").asDouble()).isPositive();
    assertThat(r.path("load_average_before").asText()).isNotEmpty();
    JsonNode catchup = r.path("catchup");
    assertThat(catchup.path("changes").asLong()).isGreaterThanOrEqualTo(300);
    assertThat(catchup.path("runs")).hasSize(2);
    for (JsonNode each : catchup.path("runs")) {
      assertThat(each.path("seconds").asDouble()).isPositive();
      assertThat(each.path("cpu_s").asDouble()).isPositive();
    }
    assertThat(catchup.path("median_seconds").asDouble()).isPositive();
    assertThat(catchup.path("median_changes_per_s").asDouble()).isPositive();
  }
}
