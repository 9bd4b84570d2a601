package org.rhizome.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.NoSuchWorkspaceException;
import org.rhizome.graph.repair.RepairReport;
import org.rhizome.graph.repair.WorkspaceRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rhizome repair [--workspace W] [--json]}: rebuilds a workspace file from its change log.
 */
@Command(
    name = "repair",
    description = {
      "Rebuild a workspace file from every change of its log that can still be read.",
      "The notes, links, tags and search index are rebuilt into a new file, local settings and attachment bytes are",
      "copied, and the new file takes the place of the old, which is kept beside it as NAME.db.damaged-TIME.",
      "Stop `rhizome serve` and the app on this workspace first."
    })
final class RepairCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Override
  public Integer call() throws Exception {
    Path file = existingFile(cli);
    RepairReport r =
        WorkspaceRepair.run(file, deviceKeyIfAny(cli)); // keeps its private notes (0008)
    if (cli.isJson()) {
      cli.printJson(
          new Json(
              cli.workspaceName(),
              r.kept(),
              r.changesKept(),
              r.changesLost(),
              r.notes(),
              r.blobsKept(),
              r.blobsLost(),
              r.settingsKept(),
              r.problems(),
              r.millis()));
    } else {
      cli.out()
          .printf(
              "Repaired %s in %.1f s: %d changes kept, %d lost; %d notes; %d attachments kept, %d lost;"
                  + " %d settings kept.%n",
              file,
              r.millis() / 1000.0,
              r.changesKept(),
              r.changesLost(),
              r.notes(),
              r.blobsKept(),
              r.blobsLost(),
              r.settingsKept());
      cli.out().println("The damaged file is kept as " + r.kept() + ".");
      for (String p : r.problems()) {
        cli.out().println("  " + p);
      }
      if (r.changesLost() > 0) {
        cli.out().println("Lost changes may still be on a peer: serve or join to get them back.");
      }
    }
    return ExitCodes.OK;
  }

  record Json(
      String workspace,
      String kept,
      long changesKept,
      long changesLost,
      long notes,
      long attachmentsKept,
      long attachmentsLost,
      long settingsKept,
      List<String> problems,
      long millis) {}

  /** The {@code --workspace} file, which must exist (check and repair never create one). */
  static Path existingFile(CliContext cli) throws NoSuchWorkspaceException {
    Path file = cli.dataDirectory().workspaceFile(cli.workspaceName());
    if (!Files.exists(file)) {
      throw new NoSuchWorkspaceException(
          "No workspace \""
              + cli.workspaceName()
              + "\" in "
              + cli.dataDirectory().root()
              + " ("
              + file
              + " does not exist).");
    }
    return file;
  }

  /**
   * This device's key when it has one (never created here: check and repair change nothing else),
   * so a replay opens the private notes this device reads (decision 0008).
   */
  static org.rhizome.graph.identity.@org.jspecify.annotations.Nullable DeviceKey deviceKeyIfAny(
      CliContext cli) throws java.io.IOException {
    return java.nio.file.Files.exists(cli.dataDirectory().deviceKeyFile())
        ? cli.dataDirectory().loadOrCreateDeviceKey()
        : null;
  }
}
