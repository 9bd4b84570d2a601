package org.rhizome.app.cli;

import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note delete T}: moves a note to the trash (its fields and history stay; {@code
 * trash restore} brings it back).
 */
@Command(
    name = "delete",
    description =
        "Delete a note: it goes to the trash (`rhizome trash restore` brings it back). "
            + "Links to it become unresolved meanwhile.")
final class NoteDeleteCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace()) {
      NoteRef note = CliContext.resolve(workspace, target);
      workspace.deleteNote(note.soul());
      if (cli.isJson()) {
        cli.printJson(NoteJson.Name.of(note));
      } else {
        cli.out()
            .println(
                "Deleted \""
                    + note.title()
                    + "\" ("
                    + note.soul()
                    + "): it is in the trash; `rhizome trash restore "
                    + note.soul()
                    + "` brings it back.");
      }
    }
    return ExitCodes.OK;
  }
}
