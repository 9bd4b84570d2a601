package org.rhizome.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.UnlinkedMention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome backlinks T}: the notes that link to T (linked mentions, with the line that
 * links), then the notes that name T in plain text without linking it (unlinked mentions). Lines
 * are 1-based.
 */
@Command(
    name = "backlinks",
    description = {
      "Notes that link to a note, and notes that name it unlinked.",
      "Linked mentions come with the line that links; unlinked mentions are notes that name",
      "the note's title or an alias in plain text. Lines are numbered from 1."
    })
final class BacklinksCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N of each kind (default: ${DEFAULT-VALUE}).")
  private int limit = 1000;

  record Linked(NoteJson.Name source, int line, String context, boolean embed) {}

  record Unlinked(NoteJson.Name source, int line, String context) {}

  record Mentions(NoteJson.Name note, List<Linked> linked, List<Unlinked> unlinked) {}

  @Override
  public Integer call() throws Exception {
    cli.requirePositive("--limit", limit);
    NoteRef note;
    List<Backlink> linked;
    List<UnlinkedMention> unlinked;
    try (Workspace workspace = cli.openWorkspace()) {
      note = CliContext.resolve(workspace, target);
      linked = workspace.backlinks(note.soul(), limit);
      unlinked = workspace.unlinkedMentions(note.soul(), limit);
    }
    if (cli.isJson()) {
      cli.printJson(
          new Mentions(
              NoteJson.Name.of(note),
              linked.stream()
                  .map(
                      b ->
                          new Linked(
                              NoteJson.Name.of(b.source()), b.line() + 1, b.context(), b.embed()))
                  .toList(),
              unlinked.stream()
                  .map(u -> new Unlinked(NoteJson.Name.of(u.source()), u.line() + 1, u.context()))
                  .toList()));
      return ExitCodes.OK;
    }
    PrintWriter out = cli.out();
    out.println("Linked mentions of \"" + note.title() + "\" (" + linked.size() + ")");
    TextTable linkedTable = new TextTable(false, false, false);
    for (Backlink b : linked) {
      linkedTable.row(
          b.source().title(),
          "line " + (b.line() + 1) + (b.embed() ? " (embed)" : ""),
          b.context().strip());
    }
    linkedTable.print(out, "  ");
    out.println("Unlinked mentions (" + unlinked.size() + ")");
    TextTable unlinkedTable = new TextTable(false, false, false);
    for (UnlinkedMention u : unlinked) {
      unlinkedTable.row(u.source().title(), "line " + (u.line() + 1), u.context().strip());
    }
    unlinkedTable.print(out, "  ");
    return ExitCodes.OK;
  }
}
