package org.rhizome.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome links T}: the wikilinks and embeds in a note, in order, and the notes they reach.
 */
@Command(
    name = "links",
    description =
        "The links in a note and the notes or attachments they reach; unresolved ones are marked.")
final class LinksCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(paramLabel = "NOTE", description = "The note's id, title or alias.")
  private String target;

  /**
   * One link; {@code resolved} is the note it reaches, {@code attachment} the file's path when it
   * reaches an attachment (both null when unresolved); {@code file} when the target names a file
   * (reached or missing). Lines are 1-based.
   */
  record Link(
      String target,
      @Nullable String heading,
      @Nullable String alias,
      boolean embed,
      int line,
      NoteJson.@Nullable Name resolved,
      @Nullable String attachment,
      boolean file) {}

  record Links(NoteJson.Name note, List<Link> links) {}

  @Override
  public Integer call() throws Exception {
    NoteRef note;
    List<OutgoingLink> links;
    try (Workspace workspace = cli.openWorkspace()) {
      note = CliContext.resolve(workspace, target);
      links = workspace.outgoingLinks(note.soul());
    }
    if (cli.isJson()) {
      cli.printJson(
          new Links(NoteJson.Name.of(note), links.stream().map(LinksCommand::link).toList()));
      return ExitCodes.OK;
    }
    if (links.isEmpty()) {
      cli.out().println("\"" + note.title() + "\" has no links.");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable(false, false, false);
    for (OutgoingLink l : links) {
      table.row("line " + (l.line() + 1), asWritten(l), reaches(l));
    }
    table.print(cli.out(), "");
    return ExitCodes.OK;
  }

  private static Link link(OutgoingLink l) {
    NoteRef to = l.resolved();
    return new Link(
        l.target(),
        l.heading(),
        l.alias(),
        l.embed(),
        l.line() + 1,
        to == null ? null : NoteJson.Name.of(to),
        l.attachment() == null ? null : l.attachment().path(),
        l.file());
  }

  /** What the link reaches, for the table: a note, an attachment, or why nothing. */
  private static String reaches(OutgoingLink l) {
    if (l.attachment() != null) {
      return "-> attachment " + l.attachment().path();
    }
    if (l.resolved() != null) {
      return "-> " + l.resolved().title();
    }
    return l.file() ? "unresolved (no such attachment)" : "unresolved";
  }

  /** The link as Markdown, e.g. {@code [[Target#Heading|alias]]}. */
  private static String asWritten(OutgoingLink l) {
    return (l.embed() ? "!" : "")
        + "[["
        + l.target()
        + (l.heading() == null ? "" : "#" + l.heading())
        + (l.alias() == null ? "" : "|" + l.alias())
        + "]]";
  }
}
