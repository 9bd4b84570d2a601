package org.rhizome.sync.gossip.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rhizome.sync.gossip.GossipParams;

/**
 * The router's heartbeat (gossipsub-v1.0.md#heartbeat, gossipsub-v1.1.md#heartbeat-maintenance):
 * score decay, mesh upkeep between D_lo and D_hi with the D_out quota, fanout upkeep, IHAVE gossip,
 * IWANT follow-up, and the expiry of caches, backoffs and IDONTWANTs. All control messages for a
 * peer go out in one RPC. Confined to the gossip thread; takes the time as an argument.
 */
final class Heartbeat {
  /** Where the heartbeat's decisions go. */
  interface Outbox {
    void sendControl(GossipPeer peer, Rpc.Control control);

    /** Open our stream to a peer that lost it. */
    void reopen(GossipPeer peer);
  }

  private final Topology topology;
  private final GossipParams params;
  private final MessageCache cache;
  private final SeenCache seen;
  private final IwantPromises promises;
  private final Outbox outbox;

  Heartbeat(
      Topology topology,
      MessageCache cache,
      SeenCache seen,
      IwantPromises promises,
      Outbox outbox) {
    this.topology = topology;
    this.params = topology.params;
    this.cache = cache;
    this.seen = seen;
    this.promises = promises;
    this.outbox = outbox;
  }

  void run(long now) {
    Map<GossipPeer, Rpc.Control> control = new LinkedHashMap<>();
    for (GossipPeer p : topology.peers.values()) {
      p.iwantBudget = params.maxIhaveLength();
      p.decay(params.score());
      if (p.supportsGossip && p.outbound == null && !p.opening && now >= p.reopenAfter) {
        // The connection that carried our stream closed while another one stays up, or opening
        // failed.
        outbox.reopen(p);
      }
    }
    maintainMeshes(now, control);
    maintainFanout(now);
    emitGossip(topology.mesh, control);
    emitGossip(topology.fanout, control);
    for (Map.Entry<GossipPeer, Rpc.Control> e : control.entrySet()) {
      outbox.sendControl(e.getKey(), e.getValue());
    }
    promises.expire(now);
    cache.shift();
    seen.expire(now);
    for (GossipPeer p : topology.peers.values()) {
      p.backoffUntil.values().removeIf(until -> until <= now);
      p.dontWant.values().removeIf(at -> now - at > GossipRouter.IDONTWANT_TTL_MILLIS);
    }
  }

  private void maintainMeshes(long now, Map<GossipPeer, Rpc.Control> control) {
    for (Map.Entry<String, Set<GossipPeer>> e : topology.mesh.entrySet()) {
      String topic = e.getKey();
      Set<GossipPeer> m = e.getValue();
      m.removeIf(p -> !topology.peers.containsKey(p.id) || !p.topics.contains(topic));
      for (GossipPeer p : new ArrayList<>(m)) {
        if (topology.score(p) < 0) {
          m.remove(p);
          pruneInto(control, p, topic, now);
        }
      }
      if (m.size() < params.dLow()) {
        for (GossipPeer p : topology.pick(topic, params.d() - m.size(), now, m)) {
          m.add(p);
          control.merge(p, graft(topic), Heartbeat::merge);
        }
      } else if (m.size() > params.dHigh()) {
        List<GossipPeer> ordered = topology.survivorsFirst(m);
        for (GossipPeer p : ordered.subList(params.d(), ordered.size())) {
          m.remove(p);
          pruneInto(control, p, topic, now);
        }
      }
      long outbound = m.stream().filter(p -> p.outboundConnection).count();
      if (m.size() >= params.dLow() && outbound < params.dOut()) {
        List<GossipPeer> candidates =
            topology.pick(topic, Integer.MAX_VALUE, now, m).stream()
                .filter(p -> p.outboundConnection)
                .toList();
        for (GossipPeer p :
            candidates.subList(0, (int) Math.min(candidates.size(), params.dOut() - outbound))) {
          m.add(p);
          control.merge(p, graft(topic), Heartbeat::merge);
        }
      }
    }
  }

  private void pruneInto(
      Map<GossipPeer, Rpc.Control> control, GossipPeer p, String topic, long now) {
    p.backoffUntil.put(topic, now + params.pruneBackoff().toMillis());
    control.merge(
        p,
        new Rpc.Control(
            List.of(),
            List.of(),
            List.of(),
            List.of(new Rpc.Prune(topic, params.pruneBackoff().toSeconds()))),
        Heartbeat::merge);
  }

  private static Rpc.Control graft(String topic) {
    return new Rpc.Control(List.of(), List.of(), List.of(topic), List.of());
  }

  private void maintainFanout(long now) {
    topology
        .fanout
        .entrySet()
        .removeIf(
            e ->
                now - topology.fanoutLastPublish.getOrDefault(e.getKey(), 0L)
                    > params.fanoutTtl().toMillis());
    for (Map.Entry<String, Set<GossipPeer>> e : topology.fanout.entrySet()) {
      Set<GossipPeer> f = e.getValue();
      f.removeIf(p -> !topology.peers.containsKey(p.id) || !p.topics.contains(e.getKey()));
      if (f.size() < params.d()) {
        f.addAll(topology.pick(e.getKey(), params.d() - f.size(), now, f));
      }
    }
    topology.fanoutLastPublish.keySet().retainAll(topology.fanout.keySet());
  }

  private void emitGossip(
      Map<String, Set<GossipPeer>> groups, Map<GossipPeer, Rpc.Control> control) {
    for (Map.Entry<String, Set<GossipPeer>> e : groups.entrySet()) {
      String topic = e.getKey();
      List<byte[]> ids = cache.gossipIds(topic);
      if (ids.isEmpty()) {
        continue;
      }
      if (ids.size() > params.maxIhaveLength()) {
        Collections.shuffle(ids, topology.random);
        ids = ids.subList(0, params.maxIhaveLength());
      }
      List<GossipPeer> candidates = new ArrayList<>();
      for (GossipPeer p : topology.peers.values()) {
        if (p.topics.contains(topic)
            && !e.getValue().contains(p)
            && p.outbound != null
            && topology.score(p) >= params.score().gossipThreshold()) {
          candidates.add(p);
        }
      }
      int n = Math.max(params.dLazy(), (int) (params.gossipFactor() * candidates.size()));
      Collections.shuffle(candidates, topology.random);
      for (GossipPeer p : candidates.subList(0, Math.min(n, candidates.size()))) {
        control.merge(
            p,
            new Rpc.Control(List.of(new Rpc.IHave(topic, ids)), List.of(), List.of(), List.of()),
            Heartbeat::merge);
      }
    }
  }

  static Rpc.Control merge(Rpc.Control a, Rpc.Control b) {
    return new Rpc.Control(
        concat(a.ihave(), b.ihave()),
        concat(a.iwant(), b.iwant()),
        concat(a.graft(), b.graft()),
        concat(a.prune(), b.prune()),
        concat(a.idontwant(), b.idontwant()));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
