package org.rhizome.sync.gossip.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IWANTs in flight (gossipsub-v1.1.md, IWANT follow-up): for each message id asked for, which peers
 * promised it by when. A promise not kept by its deadline costs the peer a behaviour penalty.
 * Bounded in count. Confined to the gossip thread.
 */
final class IwantPromises {
  static final int MAX_PROMISES = 50_000;
  private final Map<MessageKey, Map<GossipPeer, Long>> byId = new LinkedHashMap<>();

  /** Whether to ask for {@code id}: not already asked, and room for another promise. */
  boolean canAsk(MessageKey id) {
    return !byId.containsKey(id) && byId.size() < MAX_PROMISES;
  }

  void add(MessageKey id, GossipPeer peer, long deadline) {
    byId.computeIfAbsent(id, x -> new HashMap<>()).put(peer, deadline);
  }

  /** The message arrived (from anyone): every promise for it is kept. */
  void fulfil(MessageKey id) {
    byId.remove(id);
  }

  boolean isEmpty() {
    return byId.isEmpty();
  }

  /** Penalises the peers whose promises are past their deadline, and forgets those promises. */
  void expire(long now) {
    for (var it = byId.values().iterator(); it.hasNext(); ) {
      Map<GossipPeer, Long> asked = it.next();
      asked
          .entrySet()
          .removeIf(
              e -> {
                if (e.getValue() <= now) {
                  e.getKey().behaviour++;
                  return true;
                }
                return false;
              });
      if (asked.isEmpty()) {
        it.remove();
      }
    }
  }
}
