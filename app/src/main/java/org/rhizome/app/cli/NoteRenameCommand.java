package org.rhizome.app.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note rename T NEW}: renames a note. Links keep pointing at it, and their text in
 * other notes is rewritten to the new title (links through an alias are left as they are).
 */
@Command(name = "rename", description = "Rename a note and rewrite the links to it.")
final class NoteRenameCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @Parameters(index = "1", paramLabel = "NEW_TITLE", description = "The new title.")
  private String newTitle;

  record Renamed(String id, String oldTitle, String title, List<String> rewrittenNotes) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace()) {
      NoteRef before = CliContext.resolve(workspace, target);
      List<Change> changes = workspace.renameNote(before.soul(), newTitle);
      NoteRef after = CliContext.resolve(workspace, before.soul().value());
      List<String> rewritten = rewrittenBodies(changes).stream().map(Soul::value).toList();
      if (cli.isJson()) {
        cli.printJson(new Renamed(after.soul().value(), before.title(), after.title(), rewritten));
      } else {
        int n = rewritten.size();
        cli.out()
            .println(
                "Renamed \""
                    + before.title()
                    + "\" to \""
                    + after.title()
                    + "\""
                    + (n == 0 ? "." : "; rewrote links in " + n + (n == 1 ? " note." : " notes.")));
      }
    }
    return ExitCodes.OK;
  }

  /** The notes whose body the rename rewrote. */
  private static Set<Soul> rewrittenBodies(List<Change> changes) {
    Set<Soul> souls = new LinkedHashSet<>();
    for (Change change : changes) {
      for (Op op : change.ops()) {
        if (op instanceof Op.TextEdit edit && edit.field().equals(NoteFields.BODY)) {
          souls.add(edit.soul());
        }
      }
    }
    return souls;
  }
}
