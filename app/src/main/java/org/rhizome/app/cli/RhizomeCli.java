package org.rhizome.app.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliEnvironment;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.Phases;
import org.rhizome.app.data.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/** Builds the {@code rhizome} command line with its error handling, exit codes and logging. */
public final class RhizomeCli {
  private RhizomeCli() {}

  /**
   * Runs {@code args} as the {@code rhizome} command, printing to this process's stdout and stderr
   * as picocli would, and returns the exit code: a plain {@code note add} without picocli ({@link
   * NoteAddFastPath}), everything else through {@link #newCommandLine(CliEnvironment, String[])}.
   */
  public static int execute(CliEnvironment environment, String[] args) {
    return execute(
        environment,
        args,
        picocliWriter(System.out, "sun.stdout.encoding"),
        picocliWriter(System.err, "sun.stderr.encoding"));
  }

  /** As {@link #execute(CliEnvironment, String[])}, printing to {@code out} and {@code err}. */
  public static int execute(
      CliEnvironment environment, String[] args, PrintWriter out, PrintWriter err) {
    Integer fast = NoteAddFastPath.run(environment, args, out, err);
    if (fast != null) {
      return fast;
    }
    CommandLine commandLine = newCommandLine(environment, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    Phases.mark("picocli");
    return commandLine.execute(args);
  }

  /**
   * The writer picocli makes for {@code stream} when none is set (CommandLine.getOut/getErr): in
   * the encoding the JDK names in {@code property} ({@code cp65001} meaning UTF-8), else the
   * default one; autoflushed.
   */
  private static PrintWriter picocliWriter(PrintStream stream, String property) {
    String name = System.getProperty(property);
    Charset charset = Charset.defaultCharset();
    if (name != null) {
      try {
        charset = Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
      } catch (RuntimeException e) {
        // picocli falls back to the default charset too
      }
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
  }

  /**
   * A ready-to-{@code execute} command line. Output goes to {@code getOut()}/{@code getErr()}
   * (stdout/stderr unless a caller sets others, as tests do).
   */
  public static CommandLine newCommandLine(CliEnvironment environment) {
    return newCommandLine(environment, null);
  }

  /**
   * As {@link #newCommandLine(CliEnvironment)}, built for running {@code args}: with only the
   * command they name (help, usage errors and suggestions for a mistyped command see them all),
   * none when they name no command and give no option but {@code --data} or {@code --version} (the
   * window, the version), all otherwise. {@code args == null} means all.
   */
  public static CommandLine newCommandLine(CliEnvironment environment, String @Nullable [] args) {
    RhizomeCommand root = new RhizomeCommand(environment);
    CommandLine commandLine = new CommandLine(root);
    for (Class<?> command : commandsFor(args)) {
      List<Class<?>> group = RhizomeCommand.GROUPS.get(command);
      if (group == null) {
        commandLine.addSubcommand(command);
      } else {
        // The group's own commands first, so that adding it to the root gives them --data.
        CommandLine groupLine = new CommandLine(command);
        for (Class<?> subcommand : groupCommandsFor(args, group)) {
          groupLine.addSubcommand(subcommand);
        }
        commandLine.addSubcommand(groupLine);
      }
    }
    commandLine.setExitCodeExceptionMapper(new ExitCodes());
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(new UsageErrorReporter());
    commandLine.setExecutionStrategy(
        parseResult -> {
          if (!isHelpOrVersion(parseResult)) {
            Logging.writeTo(root.dataDirectory().logsDirectory());
            Phases.mark("logging");
          }
          return new RunLast().execute(parseResult);
        });
    return commandLine;
  }

  /**
   * The subcommand classes to register for {@code args} (see {@link #newCommandLine(CliEnvironment,
   * String[])}).
   */
  static List<Class<?>> commandsFor(String @Nullable [] args) {
    if (args == null) {
      return RhizomeCommand.SUBCOMMANDS;
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--data")) {
        i++; // its value
      } else if (arg.startsWith("--data=") || arg.equals("--version") || arg.equals("-V")) {
        continue; // the version lists no commands
      } else if (arg.startsWith("-") || arg.startsWith("@")) {
        return RhizomeCommand.SUBCOMMANDS; // help, version, an unknown option, an argument file
      } else {
        for (Class<?> command : RhizomeCommand.SUBCOMMANDS) {
          if (command.getAnnotation(Command.class).name().equals(arg)) {
            return List.of(command);
          }
        }
        return RhizomeCommand
            .SUBCOMMANDS; // not a command: picocli says so and suggests the nearest
      }
    }
    return List.of();
  }

  /**
   * The commands of {@code group} (the command {@code args} name) to register: the one the next
   * word names, else all (help, a missing or mistyped command). {@code args == null} means all.
   */
  static List<Class<?>> groupCommandsFor(String @Nullable [] args, List<Class<?>> group) {
    if (args == null) {
      return group;
    }
    boolean groupSeen = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--data")) {
        i++; // its value
      } else if (arg.startsWith("--data=")) {
        continue;
      } else if (arg.startsWith("-") || arg.startsWith("@")) {
        return group; // help, an unknown option, an argument file
      } else if (!groupSeen) {
        groupSeen = true; // the group's own name
      } else {
        for (Class<?> command : group) {
          if (command.getAnnotation(Command.class).name().equals(arg)) {
            return List.of(command);
          }
        }
        return group; // not one of its commands: picocli says so and suggests the nearest
      }
    }
    return group; // no command named: the group says which there are
  }

  private static boolean isHelpOrVersion(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }
}
