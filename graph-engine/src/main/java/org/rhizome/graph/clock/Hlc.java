package org.rhizome.graph.clock;

/**
 * Hybrid logical clock timestamps packed in a long: the upper 48 bits are wall-clock milliseconds
 * since the Unix epoch, the lower 16 bits a counter that orders events within one millisecond. The
 * packed value stays positive until the year 6429, so plain {@code long} comparison orders them.
 */
public final class Hlc {
  public static final int COUNTER_BITS = 16;
  public static final long MAX_COUNTER = (1L << COUNTER_BITS) - 1;

  private Hlc() {}

  public static long pack(long millis, long counter) {
    if (millis < 0 || millis >= (1L << 47)) {
      throw new IllegalArgumentException("milliseconds out of range: " + millis);
    }
    if (counter < 0 || counter > MAX_COUNTER) {
      throw new IllegalArgumentException("counter out of range: " + counter);
    }
    return (millis << COUNTER_BITS) | counter;
  }

  public static long millis(long hlc) {
    return hlc >>> COUNTER_BITS;
  }

  public static long counter(long hlc) {
    return hlc & MAX_COUNTER;
  }
}
