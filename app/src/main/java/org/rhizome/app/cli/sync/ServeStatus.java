package org.rhizome.app.cli.sync;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.replication.SyncStatus;

/**
 * What a running {@code rhizome serve} writes to {@code run/NAME.json} and {@code status --json}
 * shows as {@code sync}. Field names are an interface for scripts: add, never rename.
 *
 * @param lastSync when a pull last finished or a live change last arrived; null if never
 * @param refused changes refused for good, each counted once
 * @param lastRefusal the reason of the latest refusal; null if none
 */
public record ServeStatus(
    long pid,
    String workspace,
    String workspaceId,
    String peerId,
    List<String> listenAddresses,
    String topic,
    List<Peer> connectedPeers,
    @Nullable String lastSync,
    long liveApplied,
    long pulledApplied,
    long refused,
    String started,
    String updated,
    @Nullable String lastRefusal) {

  public ServeStatus {
    listenAddresses = List.copyOf(listenAddresses);
    connectedPeers = List.copyOf(connectedPeers);
  }

  /** A connected peer and the agent it announced. */
  public record Peer(String peerId, String agent) {}

  static ServeStatus of(
      String workspaceName, String workspaceId, SyncStatus s, Instant started, Instant now) {
    List<Peer> peers =
        s.peers().stream().map(p -> new Peer(p.peer().toBase58(), p.agent())).toList();
    return new ServeStatus(
        ProcessHandle.current().pid(),
        workspaceName,
        workspaceId,
        s.peerId().toBase58(),
        s.listenAddresses().stream().map(Object::toString).toList(),
        s.topic(),
        peers,
        s.lastSyncMillis() == 0 ? null : Instant.ofEpochMilli(s.lastSyncMillis()).toString(),
        s.liveApplied(),
        s.pulledApplied(),
        s.refused(),
        started.toString(),
        now.toString(),
        s.lastRefusal());
  }
}
