package org.rhizome.sync.replication;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeListener;
import org.rhizome.graph.Replica;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.WorkspaceMembership;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.Refusal;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * A workspace's replica role that keeps every change sync hands it (live and catch-up alike: both
 * end in {@link #applyRemoteAsync}), for tests that search what a peer received.
 */
final class RecordingReplica implements Replica {
  final Workspace ws;
  final ConcurrentLinkedQueue<byte[]> received = new ConcurrentLinkedQueue<>();

  /** Every attachment blob sync handed it. */
  final ConcurrentLinkedQueue<byte[]> receivedBlobs = new ConcurrentLinkedQueue<>();

  RecordingReplica(Workspace ws) {
    this.ws = ws;
  }

  @Override
  public CompletableFuture<List<ApplyResult>> applyRemoteAsync(List<byte[]> encoded) {
    for (byte[] b : encoded) {
      received.add(b.clone());
    }
    return ws.applyRemoteAsync(encoded);
  }

  @Override
  public WorkspaceId id() {
    return ws.id();
  }

  @Override
  public ActorId actor() {
    return ws.actor();
  }

  @Override
  public WorkspaceMembership membership() {
    return ws.membership();
  }

  @Override
  public VersionVector versionVector() throws StoreException {
    return ws.versionVector();
  }

  @Override
  public List<StoredChange> changesSince(VersionVector have, long after, int limit)
      throws StoreException {
    return ws.changesSince(have, after, limit);
  }

  @Override
  public List<Refusal> recentRefusals(int limit) throws StoreException {
    return ws.recentRefusals(limit);
  }

  @Override
  public AutoCloseable subscribe(ChangeListener listener) {
    return ws.subscribe(listener);
  }

  @Override
  public void checkForeignCommits() {
    ws.checkForeignCommits();
  }

  @Override
  public CompletableFuture<String> storeBlobAsync(byte[] data) {
    receivedBlobs.add(data.clone());
    return ws.storeBlobAsync(data);
  }

  @Override
  public Optional<byte[]> blob(String hexHash) throws StoreException {
    return ws.blob(hexHash);
  }

  @Override
  public List<String> missingBlobs(int limit) throws StoreException {
    return ws.missingBlobs(limit);
  }

  @Override
  public Map<String, Value> node(Soul soul) throws StoreException {
    return ws.node(soul);
  }

  @Override
  public Optional<String> localSetting(String key) throws StoreException {
    return ws.localSetting(key);
  }

  @Override
  public CompletableFuture<Void> setLocalSettingAsync(String key, @Nullable String value) {
    return ws.setLocalSettingAsync(key, value);
  }
}
