package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code rhizome bench ui}: the desktop UI's figures on generated workspaces (never the user's).
 * Needs a display.
 */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Generate workspaces (default: a 6,000-note vault and 100,000 notes) in a temporary directory, open",
      "the real window on each and print, as JSON: the start of the window (fresh JVMs launched as a person",
      "launches it: something on screen and usable, both read back from the display, each step's time and",
      "the CPU), note switch, keystroke to screen in a 200 KB note, quick switcher query to results.",
      "Needs a display: xvfb-run -a rhizome bench ui"
    })
public final class UiBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--notes",
      split = ",",
      defaultValue = "6000,100000",
      description = "Workspace sizes, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--starts",
      defaultValue = "5",
      description = "Timed starts per workspace (default: ${DEFAULT-VALUE}).")
  int starts;

  @Option(
      names = "--dir",
      description =
          "Directory for the benchmark's files (default: a temporary directory, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (sizes.stream().anyMatch(n -> n < 100) || starts < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--notes must be at least 100 and --starts at least 1");
    }
    boolean temporary = dir == null;
    Path work =
        temporary ? Files.createTempDirectory("rhizome-bench-ui") : Files.createDirectories(dir);
    try {
      startFx();
      Map<String, Object> result = new LinkedHashMap<>();
      for (int n : sizes) {
        result.put(n + "_notes", new UiBench(n, starts, work.resolve("ws-" + n), System.err).run());
      }
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
