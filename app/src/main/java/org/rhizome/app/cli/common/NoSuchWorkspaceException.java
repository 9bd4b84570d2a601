package org.rhizome.app.cli.common;

/** The {@code --workspace} named has no file in the data directory; exit code 3. */
public final class NoSuchWorkspaceException extends Exception {
  private static final long serialVersionUID = 1L;

  public NoSuchWorkspaceException(String message) {
    super(message);
  }
}
