package org.rhizome.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.UnresolvedLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rhizome unresolved}: link targets that name no note and no attachment, most used first.
 */
@Command(
    name = "unresolved",
    description =
        "Link targets that name no note and no attachment (missing files marked), most used first.")
final class UnresolvedCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N targets (default: ${DEFAULT-VALUE}).")
  private int limit = 1000;

  /**
   * {@code notes}: how many notes hold such a link; {@code file}: the target names a file (a
   * missing attachment).
   */
  record Target(String target, int links, int notes, boolean file) {}

  record Unresolved(List<Target> unresolved) {}

  @Override
  public Integer call() throws Exception {
    cli.requirePositive("--limit", limit);
    List<UnresolvedLink> targets;
    try (Workspace workspace = cli.openWorkspace()) {
      targets = workspace.unresolvedLinks(limit);
    }
    if (cli.isJson()) {
      cli.printJson(
          new Unresolved(
              targets.stream()
                  .map(u -> new Target(u.target(), u.links(), u.sources(), u.file()))
                  .toList()));
      return ExitCodes.OK;
    }
    if (targets.isEmpty()) {
      cli.out().println("No unresolved links.");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable(false, true, true, false);
    table.row("TARGET", "LINKS", "NOTES", "");
    for (UnresolvedLink u : targets) {
      table.row(
          u.target(),
          Integer.toString(u.links()),
          Integer.toString(u.sources()),
          u.file() ? "missing attachment" : "");
    }
    table.print(cli.out(), "");
    return ExitCodes.OK;
  }
}
