package org.rhizome.sync.peer;

import org.rhizome.sync.ProtocolViolationException;

/**
 * Key bytes that do not decode as a libp2p key we support (Ed25519), or a signature that does not
 * verify.
 */
public class InvalidKeyException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public InvalidKeyException(String message) {
    super(message);
  }
}
