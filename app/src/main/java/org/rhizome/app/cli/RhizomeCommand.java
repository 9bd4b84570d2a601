package org.rhizome.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.bench.BenchCommand;
import org.rhizome.app.cli.common.CliEnvironment;
import org.rhizome.app.cli.common.CliRoot;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.app.gui.GuiLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code rhizome}: with no command, opens the desktop window on the data directory; otherwise runs
 * one of the subcommands. {@code --data} may be given before or after the command.
 */
@Command(
    name = "rhizome",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Rhizome, a local-first knowledge base.",
      "With no command, opens the desktop window. Commands that print data take --json."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (see the log), or the window could not open",
      "2:usage error",
      "3:no such note or workspace",
      "4:invalid input (bad or taken title, unreadable file)",
      "5:storage error (corrupt or newer database, disk full)",
      "6:sync unfinished (join still pending after --wait, or the workspace is already served)",
      "7:not allowed (not yet a member of the workspace, or a note protected by someone else)",
      "8:damaged (rhizome check found damage; run rhizome repair)"
    })
public final class RhizomeCommand implements Callable<Integer>, CliRoot {
  /**
   * The commands, in the order help lists them. Not in {@code @Command(subcommands)}: {@link
   * RhizomeCli} registers only the one a command line names, since building picocli's model of all
   * of them (and of their own subcommands) was a large part of a short command's start.
   */
  public static final List<Class<?>> SUBCOMMANDS =
      List.of(
          NoteCommand.class,
          TrashCommand.class,
          SearchCommand.class,
          QueryCommand.class,
          TasksCommand.class,
          BacklinksCommand.class,
          LinksCommand.class,
          UnresolvedCommand.class,
          TagsCommand.class,
          StatusCommand.class,
          ScreenshotCommand.class,
          org.rhizome.app.cli.sync.WorkspaceCommand.class,
          org.rhizome.app.cli.sync.InviteCommand.class,
          org.rhizome.app.cli.sync.MemberCommand.class,
          org.rhizome.app.cli.sync.DeviceCommand.class,
          org.rhizome.app.cli.sync.SyncCommand.class,
          org.rhizome.app.cli.sync.JoinCommand.class,
          org.rhizome.app.cli.sync.ServeCommand.class,
          ImportCommand.class,
          ExportCommand.class,
          MirrorCommand.class,
          CheckCommand.class,
          RepairCommand.class,
          BenchCommand.class,
          org.rhizome.app.cli.p2p.P2pCommand.class);

  /**
   * The commands whose own subcommands are registered lazily too (only the one a command line
   * names): a group's subcommands, in the order help lists them.
   */
  static final Map<Class<?>, List<Class<?>>> GROUPS =
      Map.of(NoteCommand.class, NoteCommand.SUBCOMMANDS);

  private final CliEnvironment environment;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "The data directory (default: $RHIZOME_DATA, else the OS data directory).")
  private @Nullable Path data;

  public RhizomeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** With {@code --data} already read (by {@link NoteAddFastPath}, which runs without picocli). */
  RhizomeCommand(CliEnvironment environment, @Nullable Path data) {
    this.environment = environment;
    this.data = data;
  }

  @Override
  public CliEnvironment environment() {
    return environment;
  }

  @Override
  public DataDirectory dataDirectory() {
    return DataDirectory.resolve(
        data, environment.variables(), environment.osName(), environment.userHome());
  }

  /** No command: the desktop window, until it is closed. */
  @Override
  public Integer call() throws Exception {
    GuiLauncher.run(dataDirectory());
    return ExitCodes.OK;
  }
}
