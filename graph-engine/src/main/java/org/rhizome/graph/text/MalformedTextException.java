package org.rhizome.graph.text;

/**
 * Bytes that are not a valid text op batch or snapshot: truncated, over a limit, of an unknown
 * version, non-canonical, or describing an inconsistent document.
 */
public final class MalformedTextException extends TextException {
  private static final long serialVersionUID = 1L;

  public MalformedTextException(String message) {
    super(message);
  }
}
