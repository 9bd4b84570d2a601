package org.rhizome.sync.fuzz;

import java.util.List;
import org.rhizome.sync.gossip.internal.GossipRpcFuzzer;
import org.rhizome.sync.identify.IdentifyFuzzer;
import org.rhizome.sync.mdns.DnsFuzzer;
import org.rhizome.sync.noise.internal.NoisePayloadFuzzer;

/**
 * Every fuzz target of sync: each decoder of bytes or text that comes from a peer, the LAN or a
 * person.
 */
final class SyncFuzzTargets {
  static final List<Class<?>> ALL =
      List.of(
          SyncMessageFuzzer.class,
          TextInputsFuzzer.class,
          PeerBytesFuzzer.class,
          MultistreamFuzzer.class,
          NoiseFuzzer.class,
          NoisePayloadFuzzer.class,
          YamuxFuzzer.class,
          GossipRpcFuzzer.class,
          IdentifyFuzzer.class,
          DnsFuzzer.class);

  private SyncFuzzTargets() {}
}
