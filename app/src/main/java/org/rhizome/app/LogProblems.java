package org.rhizome.app;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Logback's own warnings and errors (a log file it cannot open, a bad setting) as one line each on
 * stderr, {@code rhizome: logging: MESSAGE (CAUSE)}; its information lines are dropped. Registered
 * by {@link LogConfigurator}, so stdout, which JSON output owns, never gets logback's status dump.
 */
final class LogProblems implements StatusListener {
  private final PrintStream err;

  LogProblems(PrintStream err) {
    this.err = err;
  }

  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() < Status.WARN) {
      return;
    }
    Throwable cause = status.getThrowable();
    err.println(
        "rhizome: logging: " + status.getMessage() + (cause == null ? "" : " (" + cause + ")"));
    err.flush();
  }
}
