package org.rhizome.graph.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;

/**
 * Key unwraps and sealed ops opened by the threads that verify remote changes, ahead of the writer
 * (which then takes them instead of doing the X25519 agreement and the decryption itself). Both are
 * pure functions of their inputs, so each result is kept with the inputs that made it and handed
 * out only for exactly those inputs: what the writer gets is what it would have computed. Nothing
 * here is trusted before the writer takes it — it decides, as before, which keys this device
 * learns. Bounded (a result never taken, say of a refused change, is dropped when the table is
 * emptied); in memory only, like the ring. Thread-safe.
 */
final class OpenedAhead {
  static final int MAX_ENTRIES = 16_384;

  private record Unwrapped(Soul note, KeyId id, String wrap, ActorId wrapper, byte[] key) {}

  private record Opened(ActorId author, long seq, Soul note, byte[] key, List<Op> ops) {}

  /** By wrap string. */
  private final Map<String, Unwrapped> unwraps = new ConcurrentHashMap<>();

  /** The last key unwrapped ahead for a note key name (what later changes of the batch use). */
  private final Map<String, byte[]> byName = new ConcurrentHashMap<>();

  /** By sealed payload. */
  private final Map<String, Opened> opened = new ConcurrentHashMap<>();

  void unwrapped(Soul note, KeyId id, String name, String wrap, ActorId wrapper, byte[] key) {
    bound(unwraps);
    bound(byName);
    unwraps.put(wrap, new Unwrapped(note, id, wrap, wrapper, key.clone()));
    byName.put(name, key.clone());
  }

  /** The key {@code wrap} unwrapped to ahead of the writer, taken; null if none. */
  byte @Nullable [] takeUnwrapped(Soul note, KeyId id, String wrap, ActorId wrapper) {
    Unwrapped u = unwraps.remove(wrap);
    return u != null
            && u.note().equals(note)
            && u.id().equals(id)
            && u.wrap().equals(wrap)
            && u.wrapper().equals(wrapper)
        ? u.key()
        : null;
  }

  /** A key of this note name unwrapped ahead (not yet learnt by the writer); null if none. */
  byte @Nullable [] unwrappedKey(String name) {
    return byName.get(name);
  }

  void forgetName(String name) {
    byName.remove(name);
  }

  void opened(ActorId author, long seq, Soul note, byte[] key, String payload, List<Op> ops) {
    bound(opened);
    opened.put(payload, new Opened(author, seq, note, key.clone(), List.copyOf(ops)));
  }

  /** The ops {@code payload} opened to ahead of the writer with these inputs, taken; or null. */
  @Nullable List<Op> takeOpened(ActorId author, long seq, Soul note, byte[] key, String payload) {
    Opened o = opened.remove(payload);
    return o != null
            && o.seq() == seq
            && o.author().equals(author)
            && o.note().equals(note)
            && Arrays.equals(o.key(), key)
        ? o.ops()
        : null;
  }

  private static void bound(Map<?, ?> m) {
    if (m.size() >= MAX_ENTRIES) {
      m.clear();
    }
  }
}
