package org.rhizome.graph.text;

/**
 * An op that can never apply to this document: it overlaps events already held, refers to a
 * deletion as if it were a character, or names origins in the wrong order.
 */
public final class InvalidTextOpException extends TextException {
  private static final long serialVersionUID = 1L;

  public InvalidTextOpException(String message) {
    super(message);
  }
}
