package org.rhizome.sync.yamux;

import org.rhizome.sync.ProtocolViolationException;

/** The remote broke the yamux spec; the session is ended with GoAway(protocol error). */
public class YamuxException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public YamuxException(String message) {
    super(message);
  }
}
