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
                "--json");
    JsonNode run = r.path("runs").get(0);
    assertThat(run.path("peers").asInt()).isEqualTo(2);
    assertThat(run.path("latency").path("samples").asInt()).isEqualTo(20);
    assertThat(run.path("latency").path("p99_ms").asDouble())
        .isGreaterThan(0)
        .isGreaterThanOrEqualTo(run.path("latency").path("p50_ms").asDouble());
    assertThat(run.path("sustained").path("changes_per_s").asLong()).isPositive();
    assertThat(run.path("partition").path("converge_ms").asDouble()).isPositive();
    assertThat(r.path("catchup").path("changes").asLong()).isGreaterThanOrEqualTo(300);
    assertThat(r.path("catchup").path("seconds").asDouble()).isPositive();
  }
}
