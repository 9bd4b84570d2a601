package org.rhizome.sync.varint;

import org.rhizome.sync.ProtocolViolationException;

/** An unsigned varint that is too long, overflows, or is not minimally encoded. */
public class MalformedVarintException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  public MalformedVarintException(String message) {
    super(message);
  }
}
