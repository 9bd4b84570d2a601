package org.rhizome.app.cli.sync;

import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rhizome member role NAME ROLE}: an admin gives a person another role. */
@Command(
    name = "role",
    description = {
      "Give a person another role: reader, writer or admin (admins only).",
      "It applies, on every replica, to their changes made after they could know of it."
    })
final class MemberRoleCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "NAME", description = "The person: a name or a key prefix.")
  private String name;

  @Parameters(index = "1", paramLabel = "ROLE", description = "reader, writer or admin.")
  private String role;

  record Changed(String person, String name, String role, long seq) {}

  @Override
  public Integer call() throws Exception {
    Role granted = MemberCommand.role(role);
    try (Workspace ws = MemberCommand.shared(cli)) {
      Person person = ws.membership().person(name);
      Change change = MemberCommand.await(ws.membership().setRoleAsync(person.person(), granted));
      if (cli.isJson()) {
        cli.printJson(
            new Changed(person.person().hex(), person.name(), granted.wireName(), change.seq()));
      } else {
        cli.out().println(person.name() + " is now " + granted.wireName() + ".");
        cli.out().flush();
      }
    }
    return ExitCodes.OK;
  }
}
