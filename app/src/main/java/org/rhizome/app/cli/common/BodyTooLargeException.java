package org.rhizome.app.cli.common;

/**
 * A note body over the size a note can have ({@code BodyOptions.MAX_BODY_BYTES}); a usage error,
 * exit code 2.
 */
public final class BodyTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  public BodyTooLargeException(String message) {
    super(message);
  }
}
