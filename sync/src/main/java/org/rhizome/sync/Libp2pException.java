package org.rhizome.sync;

/**
 * Root of the sync module's exceptions: something a peer sent, or asked for, broke a libp2p rule.
 * Unchecked because it travels through Netty's pipeline; every layer catches it at its boundary,
 * closes what the peer was using and logs one line.
 */
public class Libp2pException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Libp2pException(String message) {
    super(message);
  }

  public Libp2pException(String message, Throwable cause) {
    super(message, cause);
  }
}
