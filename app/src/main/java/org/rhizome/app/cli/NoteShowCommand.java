package org.rhizome.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.note.NoSuchNoteException;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rhizome note show T}: a note's fields and its Markdown body. */
@Command(name = "show", description = "Print a note: title, id, times, tags, aliases and body.")
final class NoteShowCommand implements Callable<Integer> {
  @Mixin
  private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace()) {
      NoteRef ref = CliContext.resolve(workspace, target);
      Note note = workspace.findNote(ref.soul())
          .orElseThrow(() -> new NoSuchNoteException("The note \"" + target + "\" was deleted meanwhile."));
      if (cli.isJson()) {
        cli.printJson(NoteJson.Full.of(note));
      } else {
        print(note, cli.out());
      }
    }
    return ExitCodes.OK;
  }

  private static void print(Note note, PrintWriter out) {
    out.println(note.title());
    TextTable fields = new TextTable(false, false)
        .row("id", note.soul().value())
        .row("created", NoteJson.instant(note.created()))
        .row("modified", NoteJson.instant(note.modified()));
    if (!note.tags().isEmpty()) {
      fields.row("tags", "#" + String.join(", #", note.tags()));
    }
    if (!note.aliases().isEmpty()) {
      fields.row("aliases", String.join(", ", note.aliases()));
    }
    fields.print(out, "");
    if (!note.body().isEmpty()) {
      out.println();
      out.print(note.body());
      if (!note.body().endsWith("\n")) {
        out.println();
      }
    }
  }
}
