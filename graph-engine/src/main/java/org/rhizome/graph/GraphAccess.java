package org.rhizome.graph;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.WorkspaceStatus;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;

/**
 * The replica below the notes: raw signed commits of graph ops, its file, its status and state
 * digest. For the membership code, the CLI's checks, benchmarks and tests; features use the note
 * roles.
 */
public interface GraphAccess {
  /** The SQLite file this replica is open on. */
  Path file();

  /** Commits {@code ops} as one signed change of this device. */
  CompletableFuture<Change> commitAsync(List<Op> ops);

  default Change commit(List<Op> ops) throws StoreException {
    return Futures.await(commitAsync(ops));
  }

  /**
   * Counts, version vector and the state digest. Scans the field table (about a second per million
   * fields).
   */
  WorkspaceStatus status() throws StoreException;

  /**
   * A digest of the materialised graph: two replicas that hold the same changes have the same one.
   */
  String digest() throws StoreException;
}
