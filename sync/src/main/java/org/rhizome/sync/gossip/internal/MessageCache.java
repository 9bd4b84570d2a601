package org.rhizome.sync.gossip.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.peer.PeerId;

/**
 * The message cache (gossipsub-v1.0.md#message-cache): recent messages in {@code historyLength}
 * heartbeat windows, the newest {@code historyGossip} of which are advertised in IHAVE and served
 * on IWANT, each at most {@link #MAX_TRANSMISSIONS} times per peer. Confined to the gossip thread.
 */
final class MessageCache {
  static final int MAX_TRANSMISSIONS = 3;

  private record Entry(RawMessage message, Map<PeerId, Integer> served) {}

  private final int historyGossip;
  private final ArrayDeque<List<MessageKey>> windows = new ArrayDeque<>();
  private final Map<MessageKey, Entry> entries = new HashMap<>();

  MessageCache(int historyLength, int historyGossip) {
    this.historyGossip = historyGossip;
    for (int i = 0; i < historyLength; i++) {
      windows.add(new ArrayList<>());
    }
  }

  void put(MessageKey key, RawMessage message) {
    if (entries.putIfAbsent(key, new Entry(message, new HashMap<>())) == null) {
      windows.peekFirst().add(key);
    }
  }

  /**
   * The message for an IWANT from {@code peer}, unless it is gone or was served to it too often.
   */
  @Nullable RawMessage serve(MessageKey key, PeerId peer) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    int n = e.served.merge(peer, 1, Integer::sum);
    return n > MAX_TRANSMISSIONS ? null : e.message;
  }

  /** Ids of the gossip windows' messages on {@code topic}. */
  List<byte[]> gossipIds(String topic) {
    List<byte[]> out = new ArrayList<>();
    int i = 0;
    for (List<MessageKey> window : windows) {
      if (i++ >= historyGossip) {
        break;
      }
      for (MessageKey k : window) {
        Entry e = entries.get(k);
        if (e != null && e.message.topic().equals(topic)) {
          out.add(k.id());
        }
      }
    }
    return out;
  }

  /** Starts a new window, dropping the oldest. */
  void shift() {
    for (MessageKey k : windows.pollLast()) {
      entries.remove(k);
    }
    windows.addFirst(new ArrayList<>());
  }

  int size() {
    return entries.size();
  }
}
