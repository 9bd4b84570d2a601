package org.rhizome.app.cli.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome workspace create NAME}: founds a shared (members-only) workspace with this device
 * as its first member.
 */
@Command(
    name = "create",
    description = {
      "Found a shared workspace (members only) in workspaces/NAME.db, with sync on.",
      "Then `rhizome invite --workspace NAME` lets other devices join."
    })
final class WorkspaceCreateCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The workspace's name (also its file name).")
  private String name = "";

  @Option(
      names = "--member-name",
      paramLabel = "N",
      description = "Your name in the workspace (default: the OS user name).")
  private @Nullable String memberName;

  record Created(String name, String id, String mode, String database) {}

  @Override
  public Integer call() throws Exception {
    if (!DataDirectory.isValidWorkspaceName(name)) {
      throw new ParameterException(
          spec.commandLine(),
          "\"" + name + "\" is not a workspace name: use 1-64 letters, digits, '.', '_' or '-'.");
    }
    DataDirectory data = cli.dataDirectory();
    Path file = data.workspaceFile(name);
    if (Files.exists(file)) {
      throw new InvalidInputException("A workspace named \"" + name + "\" already exists: " + file);
    }
    String member = memberName != null ? memberName : System.getProperty("user.name", "me");
    Files.createDirectories(file.getParent());
    Created created;
    try (Workspace ws = SharedWorkspaces.found(file, data.loadOrCreateDeviceKey(), name, member)) {
      created =
          new Created(
              name,
              ws.id().hex(),
              ws.membership().mode().name().toLowerCase(java.util.Locale.ROOT),
              file.toString());
    }
    if (cli.isJson()) {
      cli.printJson(created);
    } else {
      cli.out().println("Created workspace " + name + " (" + created.id() + ") in " + file + ".");
      cli.out().println("Invite another device with: rhizome invite --workspace " + name);
      cli.out().flush();
    }
    return ExitCodes.OK;
  }
}
