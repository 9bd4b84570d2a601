package org.rhizome.sync;

/**
 * A length prefix announced more bytes than the layer accepts; refused before anything is
 * allocated.
 */
public class FrameTooLongException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public FrameTooLongException(String what, long length, long limit) {
    super(what + " of " + length + " bytes is over the limit of " + limit);
  }
}
