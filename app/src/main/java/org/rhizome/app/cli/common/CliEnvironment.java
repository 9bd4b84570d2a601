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
