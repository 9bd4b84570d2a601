package org.rhizome.app.cli.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rhizome member …}: the people of a shared workspace, their roles, and removing them. */
@Command(
    name = "member",
    description = "List the people of a shared workspace, change their role, or remove them.",
    subcommands = {MemberListCommand.class, MemberRoleCommand.class, MemberRemoveCommand.class})
public final class MemberCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a member command: list, role or remove.");
  }

  /** A role named on the command line. */
  static Role role(String name) throws InvalidInputException {
    return Role.fromWireName(name.trim().toLowerCase(java.util.Locale.ROOT))
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "\"" + name + "\" is not a role: use reader, writer or admin."));
  }

  /** The workspace, which must be a shared one. */
  static Workspace shared(CliContext cli) throws Exception {
    Workspace ws = cli.openWorkspace();
    if (ws.membership().mode() == MembershipMode.OPEN) {
      ws.close();
      throw new InvalidInputException(
          "Workspace \""
              + cli.workspaceName()
              + "\" is a personal workspace: it has no members, roles or devices to manage.");
    }
    return ws;
  }

  /** Waits for an engine write, rethrowing its own failure (not allowed, unknown member, …). */
  static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw new StoreException("the write failed", cause);
    }
  }

  /** Left-pads nothing, right-pads to {@code width}: one column of a plain table. */
  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
