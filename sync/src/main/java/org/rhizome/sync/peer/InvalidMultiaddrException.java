package org.rhizome.sync.peer;

import org.rhizome.sync.ProtocolViolationException;

/** Text or bytes that are not a multiaddr made of the protocols we know. */
public class InvalidMultiaddrException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public InvalidMultiaddrException(String message) {
    super(message);
  }
}
