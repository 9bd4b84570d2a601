package org.rhizome.sync.noise;

import org.rhizome.sync.ProtocolViolationException;

/**
 * The Noise handshake failed or a transport frame did not authenticate: the connection is closed.
 */
public class NoiseException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public NoiseException(String message) {
    super(message);
  }

  public NoiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
