package org.rhizome.sync.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.PeerListener;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.replication.catchup.PullSummary;
import org.rhizome.sync.replication.catchup.Pulls;
import org.rhizome.sync.replication.live.LiveReceiver;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.IdentifyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens in one workspace's sync, gathered: the {@link SyncListener}s, the counts its {@link
 * SyncStatus} shows, refusals counted once, and what a finished pull or a gap in the live changes
 * leads to. Thread-safe; called on sync and engine threads.
 */
final class SyncEvents implements Pulls.Observer, LiveReceiver.Observer, PeerListener {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceSync.class);

  final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong lastSync = new AtomicLong();
  private final AtomicLong liveApplied = new AtomicLong();
  private final AtomicLong pulledApplied = new AtomicLong();
  private final Refusals refusals = new Refusals();
  private final Consumer<PeerId> connected;
  private final Consumer<PeerId> afterPull;
  private final Consumer<PeerId> pull;
  private final Consumer<List<byte[]>> relay;

  /**
   * @param connected what follows a new connection (pulls)
   * @param afterPull what follows a successful pull from a peer (joining, fetching attachments)
   * @param pull asks for a pull from a peer (when a live change shows a gap)
   * @param relay passes on, live, changes a pull brought
   */
  SyncEvents(
      Consumer<PeerId> connected,
      Consumer<PeerId> afterPull,
      Consumer<PeerId> pull,
      Consumer<List<byte[]>> relay) {
    this.connected = connected;
    this.afterPull = afterPull;
    this.pull = pull;
    this.relay = relay;
  }

  @Override
  public void onConnected(PeerId peer, Multiaddr address, Direction direction) {
    listeners.forEach(l -> l.onPeerConnected(peer, address));
    connected.accept(peer);
  }

  @Override
  public void onDisconnected(PeerId peer) {
    listeners.forEach(l -> l.onPeerDisconnected(peer));
  }

  void joined() {
    listeners.forEach(SyncListener::onJoined);
  }

  void joinFailed(String reason) {
    listeners.forEach(l -> l.onJoinFailed(reason));
  }

  @Override
  public void pulled(PeerId peer, PullSummary summary, long millis) {
    pulledApplied.addAndGet(summary.applied());
    lastSync.set(System.currentTimeMillis());
    listeners.forEach(l -> l.onPulled(peer, summary, millis));
    afterPull.accept(peer);
  }

  @Override
  public void pullFailed(PeerId peer, String reason) {
    listeners.forEach(l -> l.onPullFailed(peer, reason));
  }

  @Override
  public void newlyApplied(List<byte[]> changes) {
    relay.accept(changes);
  }

  @Override
  public void refusedPulled(PeerId peer, ApplyResult result) {
    noteRefused(peer, result, "pulled");
  }

  @Override
  public void appliedLive(PeerId from, int count) {
    liveApplied.addAndGet(count);
    lastSync.set(System.currentTimeMillis());
    listeners.forEach(l -> l.onLiveApplied(from, count));
  }

  @Override
  public void gap(PeerId from) {
    pull.accept(from);
  }

  @Override
  public void refusedLive(PeerId from, ApplyResult result) {
    noteRefused(from, result, "live");
  }

  /** Counts and logs a refusal once per change, however often peers offer the change again. */
  private void noteRefused(PeerId from, ApplyResult result, String how) {
    if (refusals.record(result)) {
      log.warn(
          "refused a {} change {} from {}: {} ({})",
          how,
          result.hash(),
          from,
          result.reason(),
          result.detail());
      listeners.forEach(l -> l.onRefused(from, result));
    }
  }

  SyncStatus status(Host host, String topic) {
    List<SyncStatus.ConnectedPeer> peers = new ArrayList<>();
    for (PeerId p : host.connectedPeers()) {
      peers.add(
          new SyncStatus.ConnectedPeer(
              p, null, host.identifyInfo(p).map(IdentifyInfo::agentVersion).orElse("")));
    }
    peers.sort((a, b) -> a.peer().toBase58().compareTo(b.peer().toBase58()));
    return new SyncStatus(
        host.peerId(),
        host.listenAddresses(),
        topic,
        peers,
        lastSync.get(),
        liveApplied.get(),
        pulledApplied.get(),
        refusals.count(),
        refusals.last());
  }
}
