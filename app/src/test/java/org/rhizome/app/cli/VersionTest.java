package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTest {
  @TempDir Path data;

  @Test
  void versionPrintsTheBuildVersion() {
    CliRunner.Result result = new CliRunner(data).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("rhizome ").doesNotContain("${").doesNotContain("unknown");
    assertThat(result.out().lines().findFirst().orElseThrow())
        .matches("rhizome \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void helpAndVersionTouchNoDataDirectory() {
    new CliRunner(data.resolve("untouched")).run("--help");
    new CliRunner(data.resolve("untouched")).run("note", "add", "--help");

    assertThat(data.resolve("untouched")).doesNotExist();
  }
}
