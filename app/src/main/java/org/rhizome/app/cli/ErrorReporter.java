package org.rhizome.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.data.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one plain line on stderr and an exit code ({@link ExitCodes}). The
 * stack trace goes to the log file only: people see a sentence, never a trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, ParseResult parseResult) {
    return report(failure, command.getCommandSpec().qualifiedName(), command.getErr());
  }

  /**
   * Logs {@code failure} of the command {@code commandName} (e.g. {@code rhizome note add}), says
   * it on {@code err} and returns its exit code; also for a command run without picocli ({@link
   * NoteAddFastPath}).
   */
  static int report(Exception failure, String commandName, PrintWriter err) {
    Logger log = LoggerFactory.getLogger(ErrorReporter.class);
    if (ExitCodes.isExpected(failure)) {
      log.info(Logging.shownToUser(), "{} failed: {}", commandName, failure.getMessage(), failure);
      err.println("rhizome: " + describe(failure));
    } else {
      log.error(Logging.shownToUser(), "{} failed with an internal error", commandName, failure);
      err.println(
          "rhizome: internal error: "
              + failure
              + (Logging.currentFile() == null
                  ? ""
                  : " (details in " + Logging.currentFile() + ")"));
    }
    err.flush();
    return ExitCodes.of(failure);
  }

  /** A one-line sentence for an expected failure. */
  static String describe(Throwable failure) {
    if (failure instanceof IOException io) {
      return describe(io);
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException nsf) {
      return "no such file: " + nsf.getFile();
    }
    if (e instanceof AccessDeniedException ade) {
      return "permission denied: " + ade.getFile();
    }
    if (e instanceof FileSystemException fse) {
      return "cannot use "
          + fse.getFile()
          + (fse.getReason() == null ? "" : ": " + fse.getReason());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
