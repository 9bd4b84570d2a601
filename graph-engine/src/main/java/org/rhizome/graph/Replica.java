package org.rhizome.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * A workspace as sync sees it: one replica that hands out the signed changes a peer lacks, takes a
 * peer's changes, reports its own commits on the change feed, keeps attachment bytes (blobs), knows
 * who may write, and keeps the local settings sync runs by. Sync needs nothing else of the engine.
 */
public interface Replica extends LocalSettings {
  WorkspaceId id();

  /** This device: the author of the changes this replica makes. */
  ActorId actor();

  /** Who may write here: members, invites, names. */
  WorkspaceMembership membership();

  /**
   * Writes, in a change of their own, the epoch key wraps this device owes (decision 0009: keys it
   * holds for devices in good standing that lack them) — what sync asks for when it sees a device
   * join, so the new member reads the workspace without waiting for someone to write. Writes
   * nothing, and completes with false, when this device owes none, holds no key yet, or may not
   * write.
   */
  default CompletableFuture<Boolean> wrapOwedEpochKeysAsync() {
    return CompletableFuture.completedFuture(false);
  }

  /** How far this replica's log goes, per author. */
  VersionVector versionVector() throws StoreException;

  /**
   * Up to {@code limit} changes that a replica with version vector {@code have} lacks, in an order
   * in which they can be applied, starting after log position {@code after} (0 at first; then the
   * last returned {@link StoredChange#position()}). Each comes as the bytes the log holds, not
   * decoded again.
   */
  List<StoredChange> changesSince(VersionVector have, long after, int limit) throws StoreException;

  /**
   * Offers changes from another replica, as canonical bytes. Each is decoded and its signature
   * verified (in parallel, off the writer thread), then those that fit are applied in one
   * transaction. Duplicates are reported, not errors; a refused change is not stored and changes
   * nothing. Results are in input order.
   */
  CompletableFuture<List<ApplyResult>> applyRemoteAsync(List<byte[]> encoded);

  default List<ApplyResult> applyRemote(List<byte[]> encoded) throws StoreException {
    return Futures.await(applyRemoteAsync(encoded));
  }

  /**
   * The latest changes this replica refused for good (not those waiting for a dependency), newest
   * first: what the sync log shows.
   */
  List<org.rhizome.graph.api.Refusal> recentRefusals(int limit) throws StoreException;

  default ApplyResult applyRemote(byte[] encoded) throws StoreException {
    return applyRemote(List.of(encoded)).get(0);
  }

  /**
   * Subscribes to committed changes: local, remote, and those other processes commit to the same
   * file (looked for every {@link Workspace#FOREIGN_POLL_MILLIS} ms while anyone is subscribed).
   * Close the returned handle to unsubscribe.
   */
  AutoCloseable subscribe(ChangeListener listener);

  /**
   * Looks for other processes' commits now (tests, benches; subscribers get them without asking).
   */
  void checkForeignCommits();

  /**
   * Stores bytes a peer sent for an attachment; returns their SHA-256 (hex). Nothing is stored
   * twice. For sync's blob transfer: the caller checks the hash against the one it asked for.
   */
  CompletableFuture<String> storeBlobAsync(byte[] data);

  /**
   * The bytes stored under a SHA-256 (hex), if this replica has them: what sync sends a peer that
   * asks.
   */
  Optional<byte[]> blob(String hexHash) throws StoreException;

  /**
   * Hashes of live attachments whose bytes this replica lacks (to fetch from peers), at most {@code
   * limit}.
   */
  List<String> missingBlobs(int limit) throws StoreException;

  /**
   * All fields of a node (notes and the membership's system nodes included) by name, null values
   * left out.
   */
  Map<String, Value> node(Soul soul) throws StoreException;
}
