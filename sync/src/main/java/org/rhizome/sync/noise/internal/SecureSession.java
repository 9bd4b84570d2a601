package org.rhizome.sync.noise.internal;

import java.util.List;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PublicKey;

/**
 * What a finished Noise handshake proved: the remote's identity, and the muxers it offered for
 * early negotiation (empty when it wants multistream-select for the muxer).
 */
public record SecureSession(PeerId remotePeer, PublicKey remoteKey, List<String> remoteMuxers) {
  public SecureSession {
    remoteMuxers = List.copyOf(remoteMuxers);
  }
}
