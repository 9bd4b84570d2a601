package org.rhizome.graph.text;

/**
 * An op that refers to events this document does not hold yet: it comes after a gap in its actor's
 * counters, or names an origin or delete target not held. Retryable once the missing ops arrive.
 */
public final class MissingTextDependencyException extends TextException {
  private static final long serialVersionUID = 1L;

  public MissingTextDependencyException(String message) {
    super(message);
  }
}
