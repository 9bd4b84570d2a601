package org.rhizome.app.cli;

import org.rhizome.app.Logging;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/** Builds the {@code rhizome} command line with its error handling, exit codes and logging. */
public final class RhizomeCli {
  private RhizomeCli() {}

  /**
   * A ready-to-{@code execute} command line. Output goes to {@code getOut()}/{@code getErr()}
   * (stdout/stderr unless a caller sets others, as tests do).
   */
  public static CommandLine newCommandLine(CliEnvironment environment) {
    RhizomeCommand root = new RhizomeCommand(environment);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setExitCodeExceptionMapper(new ExitCodes());
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(new UsageErrorReporter());
    commandLine.setExecutionStrategy(parseResult -> {
      if (!isHelpOrVersion(parseResult)) {
        Logging.writeTo(root.dataDirectory().logsDirectory());
      }
      return new RunLast().execute(parseResult);
    });
    return commandLine;
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
