package org.rhizome.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note move T FOLDER}: moves a note to another folder, keeping links to and from it.
 */
@Command(
    name = "move",
    description = {
      "Move a note to another folder (\"\" for the root).",
      "Links that would reach another note afterwards are rewritten to keep reaching the same notes."
    })
final class NoteMoveCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(
      index = "0",
      paramLabel = "NOTE",
      description = "The note: id, title, alias or Folder/Title.")
  private String note;

  @Parameters(
      index = "1",
      paramLabel = "FOLDER",
      description = "The folder to move it to, e.g. Archive/2024.")
  private String folder;

  record Moved(String id, String title, String oldFolder, String folder, int changes) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace()) {
      NoteRef before = CliContext.resolve(workspace, note);
      List<Change> changes = workspace.moveNote(before.soul(), folder);
      NoteRef after = CliContext.resolve(workspace, before.soul().value());
      if (cli.isJson()) {
        cli.printJson(
            new Moved(
                after.soul().value(),
                after.title(),
                before.folder(),
                after.folder(),
                changes.size()));
      } else {
        cli.out().println("Moved \"" + before.path() + "\" to \"" + after.path() + "\".");
      }
    }
    return ExitCodes.OK;
  }
}
