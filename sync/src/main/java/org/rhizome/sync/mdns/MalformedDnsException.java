package org.rhizome.sync.mdns;

import org.rhizome.sync.ProtocolViolationException;

/** A datagram that is not a well-formed DNS message within our limits; it is dropped. */
public class MalformedDnsException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public MalformedDnsException(String message) {
    super(message);
  }
}
