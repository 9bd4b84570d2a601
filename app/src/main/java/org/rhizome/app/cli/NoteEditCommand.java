package org.rhizome.app.cli;

import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note edit T --body-file F}: replaces a note's body. The body is read (with its
 * version) before the new one is taken, and written as the difference from what was read, so edits
 * others made meanwhile — the app's editor, another {@code note edit} — are kept, not overwritten.
 */
@Command(name = "edit", description = "Replace a note's body.")
final class NoteEditCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private BodyOptions body;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace()) {
      NoteRef note = CliContext.resolve(workspace, target);
      VersionedText read = workspace.openBody(note.soul());
      String text = body.read(cli.stdin());
      workspace.editBody(note.soul(), read, text);
      if (cli.isJson()) {
        cli.printJson(NoteJson.Name.of(note));
      } else {
        cli.out().println("Updated \"" + note.title() + "\" (" + note.soul() + ").");
      }
    }
    return ExitCodes.OK;
  }
}
