package org.rhizome.graph.clock;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al.): timestamps that follow wall-clock time when it moves
 * forward, never go backwards, and are greater than every timestamp this replica has seen. The wall
 * clock is passed in, so tests control time. Thread-safe.
 */
public final class HybridClock {
  private final LongSupplier wallMillis;
  private long last;

  public HybridClock(LongSupplier wallMillis) {
    this.wallMillis = wallMillis;
  }

  /** A timestamp for a new local event, greater than any returned or observed before. */
  public synchronized long now() {
    long wall = wallMillis.getAsLong();
    long lastMillis = Hlc.millis(last);
    if (wall > lastMillis) {
      last = Hlc.pack(wall, 0);
    } else if (Hlc.counter(last) < Hlc.MAX_COUNTER) {
      last = last + 1;
    } else {
      last = Hlc.pack(lastMillis + 1, 0); // counter exhausted: borrow the next millisecond
    }
    return last;
  }

  /** Records a timestamp seen in a remote change so that later local timestamps exceed it. */
  public synchronized void observe(long remote) {
    if (remote > last) {
      last = remote;
    }
  }

  public synchronized long last() {
    return last;
  }
}
