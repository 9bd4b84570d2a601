package org.rhizome.sync.multistream;

import org.rhizome.sync.Libp2pException;

/** The remote answered {@code na} to every protocol we proposed. */
public class NoProtocolException extends Libp2pException {
  private static final long serialVersionUID = 1L;

  public NoProtocolException(String message) {
    super(message);
  }
}
