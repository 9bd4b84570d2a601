package org.rhizome.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rhizome note list}: every live note, by title. */
@Command(name = "list", description = "List notes by title: id, last change, title.")
final class NoteListCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Option(names = "--limit", paramLabel = "N", description = "At most N notes (default: all).")
  private int limit = Integer.MAX_VALUE;

  record Listing(List<NoteJson.Summary> notes) {}

  @Override
  public Integer call() throws Exception {
    cli.requirePositive("--limit", limit);
    List<NoteRef> notes;
    try (Workspace workspace = cli.openWorkspace()) {
      notes = workspace.listNotes(limit);
    }
    if (cli.isJson()) {
      cli.printJson(new Listing(notes.stream().map(NoteJson.Summary::of).toList()));
    } else if (notes.isEmpty()) {
      cli.out().println("No notes.");
    } else {
      TextTable table = new TextTable(false, false, false);
      for (NoteRef note : notes) {
        table.row(note.soul().value(), NoteJson.instant(note.modified()), note.title());
      }
      table.print(cli.out(), "");
    }
    return ExitCodes.OK;
  }
}
