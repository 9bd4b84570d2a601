package org.rhizome.sync.noise;

import org.rhizome.sync.peer.PeerId;

/** The peer proved a different identity than the {@code /p2p} id we dialed. */
public class PeerIdMismatchException extends NoiseException {
  private static final long serialVersionUID = 1L;

  public PeerIdMismatchException(PeerId expected, PeerId actual) {
    super("dialed " + expected + " but the remote is " + actual);
  }
}
