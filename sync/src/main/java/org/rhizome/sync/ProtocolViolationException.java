package org.rhizome.sync;

/**
 * The remote peer sent bytes that break the protocol in use: the connection (or stream) is closed.
 */
public class ProtocolViolationException extends Libp2pException {
  private static final long serialVersionUID = 1L;

  public ProtocolViolationException(String message) {
    super(message);
  }

  public ProtocolViolationException(String message, Throwable cause) {
    super(message, cause);
  }
}
