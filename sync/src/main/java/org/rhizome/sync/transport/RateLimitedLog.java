package org.rhizome.sync.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logging for events a remote party can cause at will (refused and failed connections): at most one
 * line per cause per interval. The first event of a cause is logged as it comes; later ones within
 * the interval are counted, and the next line of that cause says how many were left out. A flood of
 * 10,000 connections a second thus writes a line per cause every interval, not 10,000. Thread-safe.
 */
public final class RateLimitedLog {
  private static final class Cause {
    long windowStart;
    long suppressed;
  }

  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Cause> causes = new ConcurrentHashMap<>();

  public RateLimitedLog(Logger log, long interval, TimeUnit unit) {
    this(log, interval, unit, System::nanoTime);
  }

  RateLimitedLog(Logger log, long interval, TimeUnit unit, LongSupplier nanoTime) {
    this.log = log;
    this.intervalNanos = unit.toNanos(interval);
    this.nanoTime = nanoTime;
  }

  /** Logs at info level unless {@code cause} was logged within the interval (then counts it). */
  public void info(String cause, String format, Object... args) {
    long skipped = admit(cause);
    if (skipped >= 0) {
      log.info(
          skipped == 0
              ? format
              : format + " (and " + skipped + " more like this in the last interval)",
          args);
    }
  }

  /** As {@link #info} at warn level. */
  public void warn(String cause, String format, Object... args) {
    long skipped = admit(cause);
    if (skipped >= 0) {
      log.warn(
          skipped == 0
              ? format
              : format + " (and " + skipped + " more like this in the last interval)",
          args);
    }
  }

  /** -1 to stay silent; otherwise how many of this cause were left out since the last line. */
  long admit(String cause) {
    if (causes.size() > 1_000) {
      causes.clear(); // causes are few fixed strings; never let a caller grow this without bound
    }
    Cause c = causes.computeIfAbsent(cause, k -> new Cause());
    long now = nanoTime.getAsLong();
    synchronized (c) {
      if (c.windowStart != 0 && now - c.windowStart < intervalNanos) {
        c.suppressed++;
        return -1;
      }
      long skipped = c.suppressed;
      c.windowStart = now == 0 ? 1 : now;
      c.suppressed = 0;
      return skipped;
    }
  }
}
