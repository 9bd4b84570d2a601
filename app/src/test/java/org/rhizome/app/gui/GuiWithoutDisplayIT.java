package org.rhizome.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;

/**
 * {@code rhizome} with no command and no display, as a process: the window cannot start while the
 * workspace is already being opened on another thread; the process says so in one line, exits 1,
 * and leaves the workspace it created whole (it waits for the open and closes it before exiting).
 */
class GuiWithoutDisplayIT {
  @TempDir Path dir;

  @Test
  void noDisplayIsOneClearErrorAndTheWorkspaceIsLeftWhole() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.rhizome.app.Main",
                "--data",
                dir.toString()));
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).contains("Cannot open the window").contains("rhizome -h");
    try (Workspace ws = new DataDirectory(dir).openDefaultWorkspace()) {
      assertThat(ws.noteCount()).isZero();
    }
  }
}
