package org.rhizome.sync.transport;

import java.util.function.LongSupplier;

/**
 * A rate limit: {@code perSecond} tokens a second, at most {@code burst} saved up. What a peer may
 * do per second (open streams, send gossip RPCs, send bytes) beyond its allowance is dropped before
 * any work is done on it. Thread-safe; O(1).
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, double burst) {
    this(perSecond, burst, System::nanoTime);
  }

  public TokenBucket(double perSecond, double burst, LongSupplier nanoTime) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a rate and a burst of at least one");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** Takes {@code n} tokens if there are that many; false (taking none) otherwise. */
  public synchronized boolean tryTake(double n) {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens < n) {
      return false;
    }
    tokens -= n;
    return true;
  }
}
