package org.rhizome.sync.replication.catchup;

import org.rhizome.sync.ProtocolViolationException;

/** A catch-up message that does not decode, or breaks the protocol's order or limits. */
public final class MalformedSyncMessageException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public MalformedSyncMessageException(String message) {
    super(message);
  }
}
