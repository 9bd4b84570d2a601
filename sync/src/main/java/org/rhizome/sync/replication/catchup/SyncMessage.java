package org.rhizome.sync.replication.catchup;

import java.util.List;
import java.util.Objects;
import org.rhizome.graph.model.VersionVector;

/** The messages of the catch-up protocol (docs/sync.md). Immutable. */
public sealed interface SyncMessage {
  /**
   * Client → server, first and once: what the client has, and how much it will take in flight.
   *
   * @param window batches the server may send beyond the last acknowledged one
   * @param maxBatchBytes the size a batch should stay under (a single larger change travels alone)
   */
  record Pull(VersionVector have, int window, int maxBatchBytes) implements SyncMessage {
    public Pull {
      Objects.requireNonNull(have, "have");
      if (window < 1 || maxBatchBytes < 1) {
        throw new IllegalArgumentException("window and batch size must be positive");
      }
    }
  }

  /**
   * Server → client: changes in an order they can be applied in, as canonical bytes; {@code number}
   * counts from 1.
   */
  record Batch(long number, List<byte[]> changes) implements SyncMessage {
    public Batch {
      changes = List.copyOf(changes);
    }
  }

  /** Client → server: batch {@code number} (and all before it) has been applied. */
  record Ack(long number) implements SyncMessage {}

  /**
   * Server → client: everything the client lacked when it asked has been sent ({@code changes} in
   * all).
   */
  record End(long changes) implements SyncMessage {}

  /** Either side: giving up, with a reason for the log. The stream is then closed. */
  record Abort(String reason) implements SyncMessage {
    public Abort {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
