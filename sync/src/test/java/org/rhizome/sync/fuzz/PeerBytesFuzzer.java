package org.rhizome.sync.fuzz;

import java.security.SecureRandom;
import java.util.List;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.peer.PublicKey;

/**
 * Binary multiaddrs, peer ids and protobuf-wrapped keys a peer sends (identify, Noise payloads,
 * gossip).
 */
public final class PeerBytesFuzzer {
  private PeerBytesFuzzer() {}

  public static List<byte[]> seeds() {
    PrivateKey key = PrivateKey.generate(new SecureRandom());
    return List.of(
        Multiaddr.parse("/ip4/1.2.3.4/tcp/5/p2p/" + key.peerId()).toBytes(),
        Multiaddr.parse("/ip6/::1/tcp/1").toBytes(),
        key.peerId().toBytes(),
        key.publicKey().marshal());
  }

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      Multiaddr.fromBytes(data);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
    try {
      PeerId.fromBytes(data);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
    try {
      PublicKey.unmarshal(data);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
  }
}
