package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import org.rhizome.app.cli.common.WorkFiles;
import org.rhizome.app.gui.GuiUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench editor-assist}: what the editor's helpers cost a keystroke in a 200 KB note.
 * Needs a display.
 */
@Command(
    name = "editor-assist",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a workspace (500 notes and one 200 KB note) in a temporary directory, open the real window",
      "and print, as JSON, what a keystroke costs with the editor's helpers: a plain character, a pairing bracket,",
      "Enter in a list item, Backspace in an empty pair, a #tag being completed, typing with the find bar open,",
      "the find bar's search and one Replace all. Needs a display: xvfb-run -a rhizome bench editor-assist"
    })
public final class EditorAssistBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rounds",
      defaultValue = "200",
      description = "Timed keystrokes per figure (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--dir",
      description =
          "Directory for the benchmark's files (default: a temporary directory, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || rounds > 100_000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--rounds must be between 1 and 100000");
    }
    boolean temporary = dir == null;
    Path work =
        temporary
            ? Files.createTempDirectory("rhizome-bench-editor-assist")
            : Files.createDirectories(dir);
    try {
      startFx();
      Map<String, Object> result =
          new EditorAssistBench(work.resolve("ws"), rounds, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      Platform.exit();
      if (temporary) {
        WorkFiles.deleteTree(work);
      }
    }
  }

  private static void startFx() throws GuiUnavailableException {
    try {
      Platform.startup(() -> {});
    } catch (IllegalStateException alreadyRunning) {
      // started by an earlier bench in this process
    } catch (RuntimeException e) {
      throw new GuiUnavailableException(
          "Cannot open a window for the UI benchmark ("
              + e.getMessage()
              + "). On a machine without a display, run it under xvfb-run -a.",
          e);
    }
  }
}
