package org.rhizome.app.cli.sync;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rhizome workspace …}: the workspaces of a data directory. */
@Command(
    name = "workspace",
    description = "Create and list the workspaces of the data directory.",
    subcommands = {WorkspaceCreateCommand.class, WorkspaceListCommand.class})
public final class WorkspaceCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a workspace command: create or list.");
  }
}
