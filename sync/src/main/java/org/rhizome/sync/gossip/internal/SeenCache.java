package org.rhizome.sync.gossip.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message ids seen recently (the spec's seen cache), forgotten after a TTL and capped in count so a
 * flood cannot grow it without bound. Confined to the gossip thread.
 */
final class SeenCache {
  private final long ttlMillis;
  private final int maxEntries;
  private final LinkedHashMap<MessageKey, Long> seenAt = new LinkedHashMap<>();

  SeenCache(long ttlMillis, int maxEntries) {
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
  }

  /** Marks {@code key} seen; false if it already was. */
  boolean add(MessageKey key, long now) {
    if (seenAt.containsKey(key)) {
      return false;
    }
    seenAt.put(key, now);
    if (seenAt.size() > maxEntries) {
      Iterator<MessageKey> it = seenAt.keySet().iterator();
      it.next();
      it.remove();
    }
    return true;
  }

  boolean contains(MessageKey key) {
    return seenAt.containsKey(key);
  }

  void expire(long now) {
    Iterator<Map.Entry<MessageKey, Long>> it = seenAt.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue() < ttlMillis) {
        return;
      }
      it.remove();
    }
  }

  int size() {
    return seenAt.size();
  }
}
