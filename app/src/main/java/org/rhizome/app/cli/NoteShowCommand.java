package org.rhizome.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rhizome note show T}: a note's fields and its Markdown body. */
@Command(name = "show", description = "Print a note: title, id, times, tags, aliases and body.")
final class NoteShowCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace()) {
      if (workspace.resolve(target).isEmpty() && workspace.findInTrash(target).isPresent()) {
        throw new NoSuchNoteException(
            "The note \""
                + target
                + "\" is in the trash: `rhizome trash restore "
                + workspace.findInTrash(target).get().soul()
                + "` brings it back.");
      }
      NoteRef ref = CliContext.resolve(workspace, target);
      Note note =
          workspace
              .findNote(ref.soul())
              .orElseThrow(
                  () ->
                      new NoSuchNoteException(
                          "The note \"" + target + "\" was deleted meanwhile."));
      if (cli.isJson()) {
        cli.printJson(NoteJson.Full.of(note));
      } else {
        print(note, cli.out(), cli.isTerminal());
      }
      // print() does not flush (only println does): a body ending in a newline would otherwise
      // stay in the buffer and never reach stdout.
      cli.out().flush();
    }
    return ExitCodes.OK;
  }

  /**
   * On a terminal, text that could be an escape sequence is shown escaped ({@link TerminalText}).
   */
  private static void print(Note note, PrintWriter out, boolean terminal) {
    java.util.function.UnaryOperator<String> shown = terminal ? TerminalText::safe : s -> s;
    out.println(shown.apply(note.title()));
    TextTable fields =
        new TextTable(false, false)
            .row("id", note.soul().value())
            .row("created", NoteJson.instant(note.created()))
            .row("modified", NoteJson.instant(note.modified()));
    if (!note.tags().isEmpty()) {
      fields.row("tags", shown.apply("#" + String.join(", #", note.tags())));
    }
    if (!note.aliases().isEmpty()) {
      fields.row("aliases", shown.apply(String.join(", ", note.aliases())));
    }
    fields.print(out, "");
    if (!note.body().isEmpty()) {
      out.println();
      String body = shown.apply(note.body());
      out.print(body);
      if (!body.endsWith("\n")) {
        out.println();
      }
    }
  }
}
