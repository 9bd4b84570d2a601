package org.rhizome.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.repair.CheckReport;
import org.rhizome.graph.repair.WorkspaceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rhizome check [--workspace W] [--json]}: is the workspace file intact? Exit 0 if so, 8 if
 * damaged.
 */
@Command(
    name = "check",
    description = {
      "Check a workspace file without changing it: SQLite's integrity check, every change",
      "of the log (its hash, signature and chain), every stored note text against its checksum,",
      "and the notes as stored against a replay of the log.",
      "Exit code 0 when all is well, 8 when something is damaged (then writes to it are refused until `rhizome repair`)."
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Override
  public Integer call() throws Exception {
    Path file = RepairCommand.existingFile(cli);
    CheckReport r =
        WorkspaceCheck.run(
            file,
            Files.createTempDirectory("rhizome-check"),
            RepairCommand.deviceKeyIfAny(cli)); // opens its private notes (0008)
    if (cli.isJson()) {
      cli.printJson(
          new Json(
              cli.workspaceName(),
              r.ok(),
              r.integrity(),
              r.changes(),
              r.unreadableRows(),
              r.badChanges(),
              r.damagedTexts(),
              r.unsealedTexts(),
              r.stateMatchesLog(),
              r.markedDamaged(),
              r.problems(),
              r.millis()));
    } else if (r.ok()) {
      cli.out()
          .printf(
              "%s is intact: integrity ok, %d changes with good hashes and signatures, the stored"
                  + " texts match their checksums%s, state = replay of the log (%.1f s).%n",
              file,
              r.changes(),
              r.unsealedTexts() > 0
                  ? " ("
                      + r.unsealedTexts()
                      + " older ones carry none yet: sealed on their next edit)"
                  : "",
              r.millis() / 1000.0);
    } else {
      cli.out()
          .printf(
              "%s is damaged: %d problems (integrity: %s; %d intact changes, %d unreadable rows, %d bad changes;"
                  + " %s; state %s the log).%n",
              file,
              r.problems().size(),
              r.integrity(),
              r.changes(),
              r.unreadableRows(),
              r.badChanges(),
              r.damagedTexts()
                  + (r.damagedTexts() == 1 ? " stored text fails its" : " stored texts fail their")
                  + " checksum",
              r.stateMatchesLog() ? "matches" : "does not match");
      for (String p : r.problems()) {
        cli.out().println("  " + p);
      }
      cli.out()
          .println(
              "Writes to it are refused. Run `rhizome repair --workspace "
                  + cli.workspaceName()
                  + "` to rebuild it from what can be read (the damaged file is kept beside it).");
    }
    cli.out().flush();
    return r.ok() ? ExitCodes.OK : ExitCodes.DAMAGED;
  }

  record Json(
      String workspace,
      boolean ok,
      String integrity,
      long changes,
      long unreadableRows,
      long badChanges,
      long damagedTexts,
      long unsealedTexts,
      boolean stateMatchesLog,
      boolean markedDamaged,
      java.util.List<String> problems,
      long millis) {}
}
