package org.rhizome.graph.encoding;

/** Bytes that do not follow the format being read: truncated, non-canonical, or over a limit. */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }
}
