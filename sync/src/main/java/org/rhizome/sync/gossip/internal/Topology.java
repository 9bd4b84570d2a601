package org.rhizome.sync.gossip.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rhizome.sync.gossip.GossipParams;
import org.rhizome.sync.peer.PeerId;

/**
 * Who the router knows and how they are arranged: the peers, the mesh and fanout of each topic, and
 * the rules for choosing peers to add or keep. Confined to the gossip thread.
 */
final class Topology {
  final GossipParams params;
  final Random random;
  final Map<PeerId, GossipPeer> peers = new HashMap<>();
  final Map<String, Set<GossipPeer>> mesh = new HashMap<>();
  final Map<String, Set<GossipPeer>> fanout = new HashMap<>();
  final Map<String, Long> fanoutLastPublish = new HashMap<>();

  Topology(GossipParams params, Random random) {
    this.params = params;
    this.random = random;
  }

  double score(GossipPeer p) {
    return p.score(params.score());
  }

  /**
   * Up to {@code n} random peers subscribed to {@code topic}, reachable, not backed off, with a
   * score ≥ 0, not in {@code exclude}.
   */
  List<GossipPeer> pick(String topic, int n, long now, Set<GossipPeer> exclude) {
    if (n <= 0) {
      return List.of();
    }
    List<GossipPeer> candidates = new ArrayList<>();
    for (GossipPeer p : peers.values()) {
      if (p.topics.contains(topic)
          && !exclude.contains(p)
          && !p.isBackedOff(topic, now)
          && (p.outbound != null || p.opening)
          && score(p) >= 0) {
        candidates.add(p);
      }
    }
    Collections.shuffle(candidates, random);
    return candidates.subList(0, Math.min(n, candidates.size()));
  }

  /**
   * The mesh in random order, rearranged so that the first D hold at least D_out peers we dialed
   * (when there are that many): those first D survive an oversubscription prune.
   */
  List<GossipPeer> survivorsFirst(Set<GossipPeer> m) {
    List<GossipPeer> shuffled = new ArrayList<>(m);
    Collections.shuffle(shuffled, random);
    int d = Math.min(params.d(), shuffled.size());
    long kept = shuffled.subList(0, d).stream().filter(p -> p.outboundConnection).count();
    for (int i = d; i < shuffled.size() && kept < params.dOut(); i++) {
      if (!shuffled.get(i).outboundConnection) {
        continue;
      }
      for (int j = d - 1; j >= 0; j--) {
        if (!shuffled.get(j).outboundConnection) {
          Collections.swap(shuffled, i, j);
          kept++;
          break;
        }
      }
    }
    return shuffled;
  }
}
