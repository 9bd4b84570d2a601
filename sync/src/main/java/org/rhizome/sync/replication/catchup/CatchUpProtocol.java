package org.rhizome.sync.replication.catchup;

/** The catch-up protocol's id and limits. */
public final class CatchUpProtocol {
  public static final String ID = "/rhizome/sync/1.0.0";

  /** The engine's largest change (4 MiB) plus framing. */
  public static final int MAX_MESSAGE_BYTES = (4 << 20) + (64 << 10);

  /** At most this many changes in one batch, whatever their size. */
  public static final int MAX_BATCH_CHANGES = 2_000;

  /** At most this many actors in a version vector. */
  public static final int MAX_VECTOR_ENTRIES = 100_000;

  public static final int MAX_WINDOW = 64;
  public static final int MAX_REASON_BYTES = 1_024;

  private CatchUpProtocol() {}
}
