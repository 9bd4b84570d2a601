package org.rhizome.graph.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the write path's CPU time goes, by stage, when the JVM runs with {@code
 * -Drhizome.writestats=true} ({@code rhizome bench engine} prints it then): off by default, since
 * each stage costs two thread-CPU clock reads (about a microsecond), a tenth of a change's cost.
 * Off, every call is a constant false check that the JIT removes.
 */
public final class WriteStats {
  /** The stages of one change's way through the writer (and the verifying threads). */
  public enum Stage {
    /** Decoding a remote change's bytes (verifying threads). */
    DECODE,
    /** Checking a remote change's Ed25519 signature (verifying threads). */
    VERIFY,
    /** Parsing a remote new note's Markdown ahead of the writer (verifying threads). */
    PARSE_AHEAD,
    /** Encoding, hashing and signing this device's own change. */
    SIGN,
    /** Chain, dependency, role and text checks, and merging text ops into the live documents. */
    CHECK_AND_MERGE_TEXT,
    /** Deflating a change's bytes for the log. */
    DEFLATE,
    /** Writing the log row and the text-edit rows. */
    LOG_ROWS,
    /** Reading a node's fields and writing the field rows of its winning writes. */
    FIELD_ROWS,
    /** Encoding and sealing text snapshots, writing them and the text's field row. */
    TEXT_SNAPSHOTS,
    /** Parsing bodies (unless parsed ahead) and writing note, link, tag, alias rows. */
    INDEX_ROWS,
    /** Parsing a body the writer found no parse ahead for (for the index rows). */
    INDEX_PARSE,
    /** Property and task rows (parsing the task lines too). */
    QUERY_INDEX_ROWS,
    /** Writing the full-text rows. */
    FTS_ROWS,
    /** The commit (SQLite writes the transaction's pages to the WAL; FTS5 flushes its segment). */
    COMMIT,
    /** Everything on the writer thread, transaction and commit listeners included. */
    WRITER_TOTAL
  }

  static final boolean ON = Boolean.getBoolean("rhizome.writestats");

  /** The management beans cost a CLI process tens of ms to load: only when counting is on. */
  private static final class Clock {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  }

  private static final LongAdder[] NANOS = new LongAdder[Stage.values().length];

  static {
    for (int i = 0; i < NANOS.length; i++) {
      NANOS[i] = new LongAdder();
    }
  }

  private WriteStats() {}

  /** A start mark for {@link #add}; 0 when off. */
  public static long start() {
    return ON ? Clock.MX.getCurrentThreadCpuTime() : 0;
  }

  /**
   * Moves the CPU time since {@code start} from {@code outer} (which holds it) to {@code inner}.
   */
  static void move(Stage inner, Stage outer, long start) {
    if (ON) {
      long d = Clock.MX.getCurrentThreadCpuTime() - start;
      NANOS[inner.ordinal()].add(d);
      NANOS[outer.ordinal()].add(-d);
    }
  }

  /** Adds the CPU time since {@code start} to {@code stage}. */
  public static void add(Stage stage, long start) {
    if (ON) {
      NANOS[stage.ordinal()].add(Clock.MX.getCurrentThreadCpuTime() - start);
    }
  }

  public static boolean enabled() {
    return ON;
  }

  /** CPU nanoseconds by stage so far (empty when off). */
  public static Map<String, Long> snapshot() {
    Map<String, Long> out = new LinkedHashMap<>();
    if (ON) {
      for (Stage s : Stage.values()) {
        out.put(s.name().toLowerCase(java.util.Locale.ROOT), NANOS[s.ordinal()].sum());
      }
    }
    return out;
  }
}
