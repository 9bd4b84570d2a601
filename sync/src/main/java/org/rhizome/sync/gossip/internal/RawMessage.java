package org.rhizome.sync.gossip.internal;

import org.jspecify.annotations.Nullable;

/**
 * A pubsub {@code Message} as on the wire: {@code 1 from, 2 data, 3 seqno, 4 topic, 5 signature, 6
 * key}. {@code data} keeps its presence (null = absent) because the signed bytes depend on it.
 */
record RawMessage(
    byte @Nullable [] from,
    byte @Nullable [] data,
    byte @Nullable [] seqno,
    String topic,
    byte @Nullable [] signature,
    byte @Nullable [] key) {

  int size() {
    return len(from) + len(data) + len(seqno) + topic.length() + len(signature) + len(key);
  }

  private static int len(byte @Nullable [] b) {
    return b == null ? 0 : b.length;
  }
}
