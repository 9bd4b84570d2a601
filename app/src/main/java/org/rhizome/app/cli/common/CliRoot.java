package org.rhizome.app.cli.common;

import org.rhizome.app.data.DataDirectory;

/**
 * What a command asks of the root command it runs under (the {@code rhizome} command, which parses
 * {@code --data}): the process's environment and the data directory of this invocation. An
 * interface so that the commands, which the root lists, do not depend on the root in turn.
 */
public interface CliRoot {
  CliEnvironment environment();

  /**
   * The data directory this invocation uses: {@code --data}, {@code RHIZOME_DATA} or the OS
   * default.
   */
  DataDirectory dataDirectory();
}
