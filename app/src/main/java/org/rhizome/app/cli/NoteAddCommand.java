package org.rhizome.app.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.Phases;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rhizome note add --title T [--protected | --private-to NAME,…] [--body B | --body-file
 * F]}: prints the new note's id.
 */
@Command(name = "add", description = "Create a note and print its id.")
final class NoteAddCommand implements Callable<Integer> {
  private static Soul join(java.util.concurrent.CompletableFuture<Soul> f) throws Exception {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Mixin private CliContext cli;

  @Option(
      names = "--title",
      required = true,
      paramLabel = "TITLE",
      description = "The title (unique in its folder, case-insensitively).")
  private String title;

  @Option(
      names = "--protected",
      description = "Only you (your devices) may change it; every member may read it.")
  private boolean protect;

  @Option(
      names = "--private-to",
      paramLabel = "NAME",
      split = ",",
      description =
          "Private: only these people (and you) can read it; everyone else stores and relays it"
              + " sealed and sees nothing of it. Names or key prefixes, comma-separated.")
  private java.util.@Nullable List<String> privateTo;

  @Option(
      names = "--folder",
      paramLabel = "FOLDER",
      defaultValue = "",
      description =
          "The folder, e.g. Projects/2024 (default: the root). Titles are unique within a folder.")
  private String folder;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private @Nullable BodyOptions body;

  /** For picocli, which sets the fields from the command line. */
  NoteAddCommand() {}

  /** With the values {@link NoteAddFastPath} read, as picocli would have set them. */
  NoteAddCommand(
      CliContext cli, String title, boolean protect, String folder, @Nullable BodyOptions body) {
    this.cli = cli;
    this.title = title;
    this.protect = protect;
    this.folder = folder;
    this.body = body;
  }

  @Override
  public Integer call() throws Exception {
    String text = body == null ? "" : body.read(cli.stdin());
    if (protect && privateTo != null) {
      throw new org.rhizome.app.cli.common.InvalidInputException(
          "A note is either --protected or --private-to some people, not both.");
    }
    try (Workspace workspace = cli.openWorkspace()) {
      Soul soul;
      if (privateTo != null) {
        soul =
            join(
                workspace.createPrivateNoteAsync(
                    folder, title, text, NoteShareCommand.persons(workspace, privateTo)));
      } else {
        soul =
            protect
                ? join(workspace.createProtectedNoteAsync(folder, title, text))
                : workspace.createNote(folder, title, text);
      }
      Phases.mark("written");
      NoteRef note = CliContext.resolve(workspace, soul.value());
      if (cli.isJson()) {
        cli.printJson(NoteJson.Name.of(note));
      } else {
        cli.out().println(soul.value());
      }
    }
    return ExitCodes.OK;
  }
}
