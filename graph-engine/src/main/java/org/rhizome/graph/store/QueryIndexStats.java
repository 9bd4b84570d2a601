package org.rhizome.graph.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time the writer thread spends keeping the query indexes (properties and tasks: parsing the
 * task lines and writing the rows), summed over the process, so a benchmark can set it against the
 * engine's CPU time for the whole import — CPU, not wall, so that a busy machine does not inflate
 * it. The task index (parsing the task lines, writing the task rows) is also counted on its own:
 * the aim is about it. Three thread-CPU clock reads (one to two microseconds) per indexed
 * note.
 */
public final class QueryIndexStats {
  static final LongAdder NANOS = new LongAdder();
  static final LongAdder TASK_NANOS = new LongAdder();
  static final LongAdder NOTES = new LongAdder();

  private QueryIndexStats() {}

  /** Loaded only once counting is on: the management beans cost a CLI process tens of ms. */
  private static final class Clock {
    static final java.lang.management.ThreadMXBean MX =
        java.lang.management.ManagementFactory.getThreadMXBean();
  }

  private static volatile boolean counting;

  /**
   * Starts counting in this process (the query bench does, before it imports); off otherwise, so a
   * CLI process that writes one note loads no management beans for a figure nobody reads.
   */
  public static void countFromNow() {
    counting = true;
  }

  static long cpu() {
    return counting ? Clock.MX.getCurrentThreadCpuTime() : 0;
  }

  /** CPU nanoseconds spent so far. */
  public static long nanos() {
    return NANOS.sum();
  }

  /** CPU nanoseconds of those spent on the task index (task lines parsed, task rows written). */
  public static long taskNanos() {
    return TASK_NANOS.sum();
  }

  public static long notes() {
    return NOTES.sum();
  }
}
