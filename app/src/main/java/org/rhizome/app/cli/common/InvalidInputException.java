package org.rhizome.app.cli.common;

/**
 * A command's input cannot be used (for example an unreadable {@code --body-file}); exit code 4.
 */
public final class InvalidInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
