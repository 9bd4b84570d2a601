package org.rhizome.sync.gossip;

import org.rhizome.sync.ProtocolViolationException;

/** A pubsub message that fails StrictSign checks (missing fields, bad key, bad signature). */
public class InvalidMessageException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public InvalidMessageException(String message) {
    super(message);
  }
}
