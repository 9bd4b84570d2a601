package org.rhizome.app.cli.common;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * What the command line takes from its process: environment variables, stdin, the OS, the home
 * directory, and whether stdout is a terminal (for bold search highlights). Tests pass their own.
 */
public record CliEnvironment(
    Map<String, String> variables,
    InputStream stdin,
    String osName,
    Path userHome,
    boolean stdoutIsTerminal) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** This process's environment. */
  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(),
        System.in,
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home", ".")),
        System.console() != null && Ansi.AUTO.enabled());
  }

  /**
   * Whether this process's stderr is a terminal (where progress bars go), whatever stdout is: on
   * Linux from where {@code /proc/self/fd/2} points ({@code /dev/pts/N}, {@code /dev/ttyN}), so
   * {@code rhizome import DIR > list.txt} still shows its bar and {@code 2> log} does not;
   * elsewhere Java 17 can only tell that stdin and stdout are ({@link System#console()}).
   */
  public static boolean processStderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      String target = java.nio.file.Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** A non-terminal environment with these variables and stdin, on this OS and home directory. */
  public static CliEnvironment of(Map<String, String> variables, InputStream stdin) {
    return new CliEnvironment(
        variables,
        stdin,
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home", ".")),
        false);
  }
}
