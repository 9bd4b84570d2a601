package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.WorkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench cli}: whole {@code rhizome} processes, timed as a script calling them would
 * see them.
 */
@Command(
    name = "cli",
    mixinStandardHelpOptions = true,
    description = {
      "Run real rhizome processes (--version, note add, note show, status, search) on a generated",
      "workspace in a temporary data directory, interleaved across launchers, and print as JSON the median",
      "wall-clock and CPU time (user + system, from /proc) of each command per launcher. With --phases, also",
      "where note add's time goes (JVM start, picocli, logging, opening the workspace, the write, the exit)."
    })
public final class CliBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "7",
      description = "Runs of each command per launcher (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--notes",
      defaultValue = "1000",
      description = "Notes in the workspace the commands use (default: ${DEFAULT-VALUE}).")
  int notes;

  @Option(
      names = "--launcher",
      paramLabel = "COMMAND",
      description = {
        "A command that starts rhizome, split at spaces, e.g. /opt/rhizome/bin/rhizome or",
        "'java -XX:SharedArchiveFile=a.jsa -jar app/target/rhizome.jar' (repeatable; default: java -jar on this jar)."
      })
  List<String> launchers = new ArrayList<>();

  @Option(
      names = "--phases",
      description =
          "Also time the phases of note add (RHIZOME_PHASES=1; extra runs, not in the medians).")
  boolean phases;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || notes < 10) {
      throw new ParameterException(
          spec.commandLine(), "--runs must be at least 1 and --notes at least 10");
    }
    List<List<String>> commands = new ArrayList<>();
    for (String launcher : launchers.isEmpty() ? List.of(CliBench.thisLauncher()) : launchers) {
      commands.add(List.of(launcher.trim().split("\\s+")));
    }
    Path work = Files.createTempDirectory("rhizome-cli-bench");
    try {
      Map<String, Object> result =
          new CliBench(commands, runs, notes, phases, work, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }
}
