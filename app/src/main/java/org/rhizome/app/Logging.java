package org.rhizome.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Points the log at a data directory's {@code logs/}. {@code logback.xml} reads the directory from
 * the {@value #LOGS_DIR_PROPERTY} system property, which is known only once the command line has
 * been parsed; so nothing in app may log before {@link #writeTo(Path)} (no static loggers in the
 * classes that run first). Thread-safe.
 */
public final class Logging {
  public static final String LOGS_DIR_PROPERTY = "rhizome.logs.dir";
  /**
   * The marker of log events whose message the user has already seen on stderr (as a one-line
   * error), so that logback.xml's console appender leaves them to the log file.
   */
  public static final String SHOWN_TO_USER = "SHOWN_TO_USER";

  private static @Nullable Path current;

  private Logging() {}

  /** {@link #SHOWN_TO_USER} as a marker. Only after {@link #writeTo(Path)}: creating it starts logback. */
  public static Marker shownToUser() {
    return MarkerFactory.getMarker(SHOWN_TO_USER);
  }

  /** Sends the log to {@code logsDirectory/rhizome.log} (creating the directory); idempotent. */
  public static synchronized void writeTo(Path logsDirectory) {
    Path dir = logsDirectory.toAbsolutePath().normalize();
    if (dir.equals(current)) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      // The file appender reports its own failure on stderr; the command itself may still work.
    }
    System.setProperty(LOGS_DIR_PROPERTY, dir.toString());
    boolean firstUse = current == null;
    current = dir;
    ILoggerFactory factory = LoggerFactory.getILoggerFactory(); // on first use, this reads logback.xml
    if (!firstUse && factory instanceof LoggerContext context) {
      reload(context);
    }
  }

  /** The log file in use, or null before {@link #writeTo(Path)}. */
  public static synchronized @Nullable Path currentFile() {
    return current == null ? null : current.resolve("rhizome.log");
  }

  private static void reload(LoggerContext context) {
    URL config = Logging.class.getResource("/logback.xml");
    if (config == null) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      System.err.println("rhizome: cannot configure logging: " + e.getMessage());
    }
  }
}
