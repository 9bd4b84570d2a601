package org.rhizome.app.cli.sync;

import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.membership.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rhizome member remove NAME}: an admin removes a person and all their devices. */
@Command(
    name = "remove",
    description = {
      "Remove a person and all their devices (admins only).",
      "What they wrote before this device saw it stays; anything later is refused on every replica.",
      "Not yet: they still hold the workspace secret, so they can still read later changes."
    })
final class MemberRemoveCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "NAME", description = "The person: a name or a key prefix.")
  private String name;

  record Removed(String person, String name, long cutOff, long seq) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = MemberCommand.shared(cli)) {
      Person person = ws.membership().person(name);
      long seen = ws.versionVector().get(person.person());
      Change change = MemberCommand.await(ws.membership().removeAsync(person.person()));
      if (cli.isJson()) {
        cli.printJson(
            new Removed(
                person.person().hex(),
                person.name(),
                change.deps().get(person.person()),
                change.seq()));
      } else {
        cli.out()
            .println(
                "Removed "
                    + person.name()
                    + ": their changes after the "
                    + seen
                    + " this device has seen will be refused.");
        cli.out().flush();
      }
    }
    return ExitCodes.OK;
  }
}
