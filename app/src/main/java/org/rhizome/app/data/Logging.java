package org.rhizome.app.data;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
  private static boolean noFile;

  private Logging() {}

  /**
   * {@link #SHOWN_TO_USER} as a marker. Only after {@link #writeTo(Path)}: creating it starts
   * logback.
   */
  public static Marker shownToUser() {
    return MarkerFactory.getMarker(SHOWN_TO_USER);
  }

  /**
   * Sends the log to {@code logsDirectory/rhizome.log} (creating the directory); idempotent. When
   * the directory cannot be written, says so in one line on stderr and logs to stderr only
   * (warnings of Rhizome's own), so a command still works and its stdout stays clean.
   */
  public static synchronized void writeTo(Path logsDirectory) {
    Path dir = logsDirectory.toAbsolutePath().normalize();
    if (dir.equals(current)) {
      return;
    }
    boolean firstUse = current == null;
    current = dir;
    String unwritable = unwritableReason(dir);
    noFile = unwritable != null;
    if (unwritable != null) {
      System.err.println(
          "rhizome: warning: cannot write the log in "
              + dir
              + " ("
              + unwritable
              + "); going on without a log file");
      System.err.flush();
      System.setProperty(CONFIG_FILE_PROPERTY, STDERR_ONLY_CONFIG);
    } else {
      System.clearProperty(CONFIG_FILE_PROPERTY);
    }
    System.setProperty(LOGS_DIR_PROPERTY, dir.toString());
    ILoggerFactory factory =
        LoggerFactory.getILoggerFactory(); // on first use, this reads the configuration
    if (!firstUse && factory instanceof LoggerContext context) {
      reload(context, unwritable == null ? "/logback.xml" : "/" + STDERR_ONLY_CONFIG);
    }
  }

  private static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";
  private static final String STDERR_ONLY_CONFIG = "logback-stderr-only.xml";

  /** Why no log file can be written in {@code dir}, or null if one can. */
  private static @Nullable String unwritableReason(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return "it is a file, not a folder";
    }
    try {
      Files.createDirectories(dir);
      Path log = dir.resolve("rhizome.log");
      try (var out =
          Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        return null;
      }
    } catch (AccessDeniedException e) {
      return "permission denied";
    } catch (FileSystemException e) {
      return e.getReason() != null ? e.getReason() : e.toString();
    } catch (IOException e) {
      return e.getMessage() != null ? e.getMessage() : e.toString();
    }
  }

  /** The log file in use, or null before {@link #writeTo(Path)}. */
  public static synchronized @Nullable Path currentFile() {
    return current == null || noFile ? null : current.resolve("rhizome.log");
  }

  private static void reload(LoggerContext context, String resource) {
    URL config = Logging.class.getResource(resource);
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
