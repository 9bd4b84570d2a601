package org.rhizome.sync.replication.catchup;

import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.model.VersionVector;

/**
 * Reads one batch of what a peer lacks from the workspace's log, cut at a size. Blocking: call off
 * the event loops.
 */
final class ChangeSource {
  /** What one read found. */
  record Chunk(List<byte[]> changes, long lastPosition, boolean more) {}

  private final Replica workspace;

  ChangeSource(Replica workspace) {
    this.workspace = workspace;
  }

  Chunk read(VersionVector have, long after, int maxChanges, int maxBytes) throws StoreException {
    // Guess how many rows a batch of maxBytes holds, so a small batch does not read 2,000 rows.
    int limit = Math.max(16, Math.min(maxChanges, maxBytes / 200));
    List<StoredChange> entries = workspace.changesSince(have, after, limit);
    List<byte[]> out = new ArrayList<>(entries.size());
    long bytes = 0;
    long last = after;
    for (StoredChange e : entries) {
      int size = e.bytes().length;
      if (!out.isEmpty() && bytes + size > maxBytes) {
        return new Chunk(out, last, true);
      }
      out.add(e.bytes());
      bytes += size;
      last = e.position();
    }
    return new Chunk(out, last, entries.size() == limit);
  }
}
