package org.rhizome.sync.peer;

import org.rhizome.sync.ProtocolViolationException;

/** Bytes or text that are not a multihash peer id. */
public class InvalidPeerIdException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public InvalidPeerIdException(String message) {
    super(message);
  }
}
