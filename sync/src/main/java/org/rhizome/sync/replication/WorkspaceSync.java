package org.rhizome.sync.replication;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rhizome.graph.LocalSettings;
import org.rhizome.graph.Replica;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.host.NamedThreadFactory;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.replication.blob.BlobTransfer;
import org.rhizome.sync.replication.catchup.PullService;
import org.rhizome.sync.replication.catchup.Pulls;
import org.rhizome.sync.replication.discovery.PeerDiscovery;
import org.rhizome.sync.replication.invite.PendingJoin;
import org.rhizome.sync.replication.live.LivePublisher;
import org.rhizome.sync.replication.live.LiveReceiver;

/**
 * One workspace, synced: a libp2p host on the workspace's private network composing the jobs of
 * sync — live changes published from the workspace's change feed and validated by the engine as
 * they arrive ({@code live}), catch-up pulls from every peer on connecting, when a live change
 * shows a gap and every {@link SyncConfig#antiEntropy()} ({@code catchup}: the safety net for
 * whatever live misses), attachment bytes fetched after a pull ({@code blob}), a pending invite
 * completed ({@code invite}), and peers dialled and found by mDNS ({@code discovery}).
 *
 * <p>Thread-safe. Engine work runs on the engine's threads and on {@code rhizome-sync-disk};
 * Netty's event loops only move bytes.
 */
public final class WorkspaceSync implements AutoCloseable {
  private final Replica replica;
  private final Host host;
  private final String topic;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("rhizome-sync"));
  private final ExecutorService disk =
      Executors.newFixedThreadPool(2, new NamedThreadFactory("rhizome-sync-disk"));
  private final SyncEvents events =
      new SyncEvents(this::connected, this::afterPull, this::requestPull, this::relay);
  private final LivePublisher publisher;
  private final Pulls pulls;
  private final BlobTransfer blobs;
  private final PendingJoin<?> join;
  private final PeerDiscovery discovery;
  private volatile boolean closed;

  /** Hangs up on removed devices (decision 0008). */
  private final RemovedPeers removedPeers;

  private <W extends Replica & LocalSettings> WorkspaceSync(
      W workspace, DeviceKey key, SyncConfig config, LiveFaults faults) throws IOException {
    this.replica = workspace;
    this.topic = topicOf(replica);
    HostConfig.Builder hc =
        HostConfig.builder(PrivateKey.fromSeed(key.seed()))
            .psk(config.secret().preSharedKey(replica.id()))
            .agentVersion(config.agentVersion())
            .gossip(config.gossip());
    config.listen().forEach(hc::listen);
    try {
      this.host = Host.start(hc.build());
    } catch (IOException | RuntimeException e) {
      shutdownExecutors();
      throw e;
    }
    this.publisher = new LivePublisher(replica, host.pubsub(), topic);
    // A pending join also reads and clears two local settings (the invite and the name to join
    // with), so it takes the replica together with its local settings.
    this.join = new PendingJoin<>(workspace, events::joined, events::joinFailed);
    this.blobs = BlobTransfer.serve(host, replica, disk);
    this.pulls =
        new Pulls(
            replica, host, disk, scheduler, config.pullWindow(), config.pullBatchBytes(), events);
    PullService.serve(host, replica, disk);
    LiveReceiver receiver = new LiveReceiver(replica, topic, events);
    host.addPeerListener(events);
    this.removedPeers =
        new RemovedPeers(
            replica, host, disk, config.secret().preSharedKey(replica.id())); // 0008, 0009
    host.pubsub().subscribe(topic, m -> faults.deliver(m, receiver::validate), m -> {});
    long ae = Math.max(100, config.antiEntropy().toMillis());
    scheduler.scheduleWithFixedDelay(pulls::requestFromAll, ae, ae, TimeUnit.MILLISECONDS);

    this.discovery = new PeerDiscovery(host, config.peers());
    long redial = Math.max(100, config.redial().toMillis());
    scheduler.scheduleWithFixedDelay(discovery::redial, 0, redial, TimeUnit.MILLISECONDS);
    if (config.mdnsInterface() != null) {
      discovery.startMdns(config.mdnsInterface(), config.mdnsInterval());
    }
  }

  /**
   * Starts syncing {@code workspace} as the device {@code key} (whose key is also the libp2p
   * identity).
   */
  public static <W extends Replica & LocalSettings> WorkspaceSync start(
      W workspace, DeviceKey key, SyncConfig config) throws IOException {
    return new WorkspaceSync(workspace, key, config, LiveFaults.NONE);
  }

  /** For tests: live messages pass through {@code faults} before validation. */
  static <W extends Replica & LocalSettings> WorkspaceSync start(
      W workspace, DeviceKey key, SyncConfig config, LiveFaults faults) throws IOException {
    return new WorkspaceSync(workspace, key, config, faults);
  }

  /**
   * The GossipSub topic of a workspace's live changes. Version 2: each message is a {@link
   * org.rhizome.sync.replication.live.LiveBundle} of one or more changes (version 1 carried one
   * change per message).
   */
  public static String topicOf(Replica replica) {
    return "/rhizome/ws/" + replica.id().hex() + "/changes/2";
  }

  public void addListener(SyncListener listener) {
    events.listeners.add(listener);
  }

  public void removeListener(SyncListener listener) {
    events.listeners.remove(listener);
  }

  public Host host() {
    return host;
  }

  /**
   * The replica this syncs, as sync sees it. Code that needs the whole workspace uses the one it
   * opened and passed to {@link #start}.
   */
  public Replica replica() {
    return replica;
  }

  public String topic() {
    return topic;
  }

  /** Connects to a peer (in addition to the configured ones); a pull follows the connection. */
  public CompletableFuture<PeerId> dial(Multiaddr address) {
    return host.dial(address);
  }

  public SyncStatus status() {
    return events.status(host, topic);
  }

  /** Pulls what {@code peer} has and we lack; coalesces with a pull already running. */
  public void requestPull(PeerId peer) {
    if (!closed) {
      pulls.request(peer);
    }
  }

  /**
   * Pulls from every connected peer now; completes when all have finished (successfully or not).
   */
  public CompletableFuture<Void> pullFromAllNow() {
    return pulls.fromAllNow();
  }

  private void connected(PeerId peer) {
    pulls.onConnected(peer);
  }

  private void relay(List<byte[]> changes) {
    publisher.relay(changes);
  }

  /**
   * After a pull: a pending join may complete now, and the peer may have attachment bytes we lack.
   */
  private void afterPull(PeerId peer) {
    disk.execute(join::completeIfReady);
    disk.execute(() -> blobs.fetchMissing(peer));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    removedPeers.close();
    publisher.close();
    pulls.close();
    blobs.close();
    join.close();
    discovery.close();
    host.close();
    shutdownExecutors();
  }

  private void shutdownExecutors() {
    scheduler.shutdownNow();
    disk.shutdown();
    try {
      disk.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
