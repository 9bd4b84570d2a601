package org.rhizome.sync.transport;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PublicKey;

/** What a peer said about itself in identify (and later pushes). Immutable. */
public record IdentifyInfo(
    @Nullable PublicKey publicKey,
    List<Multiaddr> listenAddresses,
    List<String> protocols,
    @Nullable Multiaddr observedAddress,
    String protocolVersion,
    String agentVersion) {
  public IdentifyInfo {
    listenAddresses = List.copyOf(listenAddresses);
    protocols = List.copyOf(protocols);
  }
}
