package org.rhizome.sync.replication.live;

import org.rhizome.sync.ProtocolViolationException;

/** A live message whose bytes are not a well-formed {@link LiveBundle}. */
public final class MalformedLiveMessageException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public MalformedLiveMessageException(String message) {
    super(message);
  }
}
