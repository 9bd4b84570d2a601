package org.rhizome.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.TagCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rhizome tags}: every tag with the number of notes that carry it, most used first. */
@Command(
    name = "tags",
    description = "Tags with the number of notes that carry each, most used first.")
final class TagsCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  /** A tag as first written, without {@code #}. */
  record Tag(String tag, int notes) {}

  record Tags(List<Tag> tags) {}

  @Override
  public Integer call() throws Exception {
    List<TagCount> tags;
    try (Workspace workspace = cli.openWorkspace()) {
      tags = workspace.tags();
    }
    if (cli.isJson()) {
      cli.printJson(new Tags(tags.stream().map(t -> new Tag(t.tag(), t.notes())).toList()));
      return ExitCodes.OK;
    }
    if (tags.isEmpty()) {
      cli.out().println("No tags.");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable(true, false);
    for (TagCount t : tags) {
      table.row(Integer.toString(t.notes()), "#" + t.tag());
    }
    table.print(cli.out(), "");
    return ExitCodes.OK;
  }
}
