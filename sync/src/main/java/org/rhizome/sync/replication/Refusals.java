package org.rhizome.sync.replication;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.ApplyResult;

/**
 * The changes this replica refused for good, each counted once: a refused change is offered again
 * by every later pull (the sender still has it and we still lack it), and must neither inflate the
 * count nor fill the log. Remembers the last {@value #REMEMBERED} refusals. Thread-safe.
 */
final class Refusals {
  static final int REMEMBERED = 10_000;

  private final Map<Object, Boolean> seen =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private long count;
  private @Nullable String last;

  /** Records a refusal; true when this change had not been refused before (count it, log it). */
  synchronized boolean record(ApplyResult result) {
    Object key = result.hash() != null ? result.hash() : result.reason() + " " + result.detail();
    if (seen.put(key, Boolean.TRUE) != null) {
      return false;
    }
    count++;
    last = result.reason() + ": " + result.detail();
    return true;
  }

  synchronized long count() {
    return count;
  }

  /** The reason of the latest refusal, or null if none. */
  synchronized @Nullable String last() {
    return last;
  }
}
