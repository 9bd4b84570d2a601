package org.rhizome.graph.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Time the writer spends keeping the query indexes (properties and tasks: parsing the task lines
 * and writing the rows), summed over the process, so a benchmark can set it against the whole
 * import. Two clock reads per indexed note.
 */
public final class QueryIndexStats {
  static final LongAdder NANOS = new LongAdder();
  static final LongAdder NOTES = new LongAdder();

  private QueryIndexStats() {}

  public static long nanos() {
    return NANOS.sum();
  }

  public static long notes() {
    return NOTES.sum();
  }
}
