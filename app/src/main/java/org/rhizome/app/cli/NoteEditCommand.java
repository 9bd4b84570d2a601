package org.rhizome.app.cli;

import java.util.concurrent.Callable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rhizome note edit T --body-file F}: replaces a note's body. */
@Command(name = "edit", description = "Replace a note's body.")
final class NoteEditCommand implements Callable<Integer> {
  @Mixin
  private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private BodyOptions body;

  @Override
  public Integer call() throws Exception {
    String text = body.read(cli.stdin());
    try (Workspace workspace = cli.openWorkspace()) {
      NoteRef note = CliContext.resolve(workspace, target);
      workspace.editBody(note.soul(), text);
      if (cli.isJson()) {
        cli.printJson(NoteJson.Name.of(note));
      } else {
        cli.out().println("Updated \"" + note.title() + "\" (" + note.soul() + ").");
      }
    }
    return ExitCodes.OK;
  }
}
