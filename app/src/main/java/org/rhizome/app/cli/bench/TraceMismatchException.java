package org.rhizome.app.cli.bench;

/**
 * A trace the replay cannot reproduce: the final text differs from endContent, or the trace's
 * shape.
 */
final class TraceMismatchException extends Exception {
  private static final long serialVersionUID = 1L;

  TraceMismatchException(String message) {
    super(message);
  }
}
