package org.rhizome.sync.replication;

import java.util.HexFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.PubSub;
import org.rhizome.sync.gossip.ValidationResult;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.host.NamedThreadFactory;
import org.rhizome.sync.host.PeerListener;
import org.rhizome.sync.host.RequestResponse;
import org.rhizome.sync.mdns.MdnsService;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.IdentifyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace, synced: a libp2p host on the workspace's private network, its changes published on
 * the workspace's GossipSub topic and validated by the engine as they arrive, and catch-up pulls from
 * every peer on connecting, when a live change shows a gap, and every {@link SyncConfig#antiEntropy()}.
 * Changes committed by another process on the same file (the CLI) are noticed within ~100 ms and
 * published too.
 *
 * <p>Thread-safe. Engine work runs on the engine's threads and on {@code rhizome-sync-disk}; Netty's
 * event loops only move bytes.
 */
public final class WorkspaceSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceSync.class);
  private static final int MAX_LIVE_BYTES = 1 << 20;
  private static final int MAX_PULL_RETRIES = 3;
  private static final int MAX_RELAYED_PER_BATCH = 200;
  private static final long SETTLE_PULL_MILLIS = 3_000;
  /** Catch-up streams served to one peer at once. */
  static final int MAX_SERVED_PULLS_PER_PEER = 2;
  private final Map<PeerId, java.util.concurrent.atomic.AtomicInteger> serving = new ConcurrentHashMap<>();

  private final Workspace workspace;
  private final SyncConfig config;
  private final Host host;
  private final String topic;
  private final RemoteApplyQueue live;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService disk;
  private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<PeerId, PullState> pulls = new ConcurrentHashMap<>();
  private final AtomicLong lastSync = new AtomicLong();
  private final AtomicLong liveApplied = new AtomicLong();
  private final AtomicLong pulledApplied = new AtomicLong();
  private final Refusals refusals = new Refusals();
  private final Object publishLock = new Object();
  private final java.util.concurrent.atomic.AtomicBoolean blobFetching = new java.util.concurrent.atomic.AtomicBoolean();
  private final Object joinLock = new Object();
  private final AutoCloseable feed;
  private final AtomicReference<@Nullable MdnsService> mdns = new AtomicReference<>();
  /** Our own changes up to this seq have been published (or predate this session: pulls carry those). */
  private long publishedSeq;
  private volatile boolean closed;

  private static final class PullState {
    boolean running;
    boolean again;
    int retries;
  }

  private final LiveFaults faults;

  private WorkspaceSync(Workspace workspace, DeviceKey key, SyncConfig config, LiveFaults faults) throws IOException {
    this.workspace = workspace;
    this.faults = faults;
    this.config = config;
    this.topic = topicOf(workspace);
    this.live = new RemoteApplyQueue(workspace);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("rhizome-sync"));
    this.disk = Executors.newFixedThreadPool(2, new NamedThreadFactory("rhizome-sync-disk"));
    try {
      this.publishedSeq = workspace.versionVector().get(workspace.actor());
    } catch (Exception e) {
      shutdownExecutors();
      throw new IOException("cannot read the workspace's version vector: " + e.getMessage(), e);
    }
    HostConfig.Builder hc = HostConfig.builder(PrivateKey.fromSeed(key.seed()))
        .psk(config.secret().preSharedKey(workspace.id()))
        .agentVersion(config.agentVersion())
        .gossip(config.gossip());
    for (Multiaddr a : config.listen()) {
      hc.listen(a);
    }
    try {
      this.host = Host.start(hc.build());
    } catch (IOException | RuntimeException e) {
      shutdownExecutors();
      throw e;
    }
    host.handle(CatchUpProtocol.ID, stream -> {
      java.util.concurrent.atomic.AtomicInteger mine = serving.computeIfAbsent(stream.remotePeer(),
          p -> new java.util.concurrent.atomic.AtomicInteger());
      if (mine.incrementAndGet() > MAX_SERVED_PULLS_PER_PEER) {
        // An honest peer runs one pull at a time; more at once only load our disk.
        mine.decrementAndGet();
        stream.reset();
        return CatchUpStream.refused();
      }
      CatchUpStream s = CatchUpStream.serving(stream, workspace, disk);
      s.result().whenComplete((summary, error) -> mine.decrementAndGet());
      s.result().whenComplete((summary, error) -> {
        if (error != null) {
          log.debug("serving a catch-up to {} ended: {}", stream.remotePeer(), error.getMessage());
        } else if (summary.received() > 0) {
          log.info("sent {} changes to {}", summary.received(), stream.remotePeer());
        }
      });
      return s;
    });
    RequestResponse.serve(host, BlobProtocol.ID, BlobProtocol.HASH_BYTES, request -> CompletableFuture.supplyAsync(() -> {
      try {
        return blobAnswer(request.body());
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, disk));
    host.addPeerListener(new PeerListener() {
      @Override
      public void onConnected(PeerId peer, Multiaddr address, Direction direction) {
        listeners.forEach(l -> l.onPeerConnected(peer, address));
        requestPull(peer);
        // Once more when both sides have settled: the peer may itself have been catching up from
        // others as we connected, and what it pulls then is relayed only to peers it knew of.
        scheduler.schedule(() -> {
          if (host.connectedPeers().contains(peer)) {
            requestPull(peer);
          }
        }, SETTLE_PULL_MILLIS, TimeUnit.MILLISECONDS);
      }

      @Override
      public void onDisconnected(PeerId peer) {
        listeners.forEach(l -> l.onPeerDisconnected(peer));
      }
    });
    host.pubsub().subscribe(topic, this::validate, m -> { });
    this.feed = workspace.subscribe(event -> {
      if (event.local()) {
        scheduler.execute(this::publishOwnChanges);
      }
    });
    scheduler.scheduleWithFixedDelay(this::publishOwnChanges, 100, 100, TimeUnit.MILLISECONDS);
    long ae = Math.max(100, config.antiEntropy().toMillis());
    scheduler.scheduleWithFixedDelay(this::pullFromAll, ae, ae, TimeUnit.MILLISECONDS);
    long redial = Math.max(100, config.redial().toMillis());
    scheduler.scheduleWithFixedDelay(this::dialPeers, 0, redial, TimeUnit.MILLISECONDS);
    if (config.mdnsInterface() != null) {
      startMdns();
    }
  }

  /** Starts syncing {@code workspace} as the device {@code key} (whose key is also the libp2p identity). */
  public static WorkspaceSync start(Workspace workspace, DeviceKey key, SyncConfig config) throws IOException {
    return new WorkspaceSync(workspace, key, config, LiveFaults.NONE);
  }

  /** For tests: live messages pass through {@code faults} before validation. */
  static WorkspaceSync start(Workspace workspace, DeviceKey key, SyncConfig config, LiveFaults faults) throws IOException {
    return new WorkspaceSync(workspace, key, config, faults);
  }

  /** The GossipSub topic of a workspace's live changes. */
  public static String topicOf(Workspace workspace) {
    return "/rhizome/ws/" + workspace.id().hex() + "/changes/1";
  }

  public void addListener(SyncListener listener) {
    listeners.add(listener);
  }

  public void removeListener(SyncListener listener) {
    listeners.remove(listener);
  }

  public Host host() {
    return host;
  }

  public Workspace workspace() {
    return workspace;
  }

  public String topic() {
    return topic;
  }

  /** Connects to a peer (in addition to the configured ones); a pull follows the connection. */
  public CompletableFuture<PeerId> dial(Multiaddr address) {
    return host.dial(address);
  }

  public SyncStatus status() {
    List<SyncStatus.ConnectedPeer> peers = new ArrayList<>();
    for (PeerId p : host.connectedPeers()) {
      String agent = host.identifyInfo(p).map(IdentifyInfo::agentVersion).orElse("");
      peers.add(new SyncStatus.ConnectedPeer(p, null, agent));
    }
    peers.sort((a, b) -> a.peer().toBase58().compareTo(b.peer().toBase58()));
    return new SyncStatus(host.peerId(), host.listenAddresses(), topic, peers, lastSync.get(), liveApplied.get(),
        pulledApplied.get(), refusals.count(), refusals.last());
  }

  /** Pulls what {@code peer} has and we lack; coalesces with a pull already running. */
  public void requestPull(PeerId peer) {
    if (closed) {
      return;
    }
    PullState state = pulls.computeIfAbsent(peer, p -> new PullState());
    synchronized (state) {
      if (state.running) {
        state.again = true;
        return;
      }
      state.running = true;
      state.again = false;
    }
    disk.execute(() -> runPull(peer, state));
  }

  /** Pulls from every connected peer now; completes when all have finished (successfully or not). */
  public CompletableFuture<Void> pullFromAllNow() {
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (PeerId p : host.connectedPeers()) {
      all.add(pullOnce(p).handle((s, e) -> null));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  private void runPull(PeerId peer, PullState state) {
    long started = System.nanoTime();
    pullOnce(peer).whenComplete((summary, error) -> {
      boolean again;
      synchronized (state) {
        state.running = false;
        if (error == null && summary.incomplete() && state.retries < MAX_PULL_RETRIES) {
          state.retries++;
          state.again = true;
        } else if (error == null) {
          state.retries = 0;
        }
        again = state.again;
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (error != null) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        log.debug("pull from {} failed: {}", peer, cause.getMessage());
        listeners.forEach(l -> l.onPullFailed(peer, String.valueOf(cause.getMessage())));
      } else {
        pulledApplied.addAndGet(summary.applied());
        lastSync.set(System.currentTimeMillis());
        if (summary.received() > 0) {
          log.info("pulled {} changes from {} in {} ms ({} new, {} refused, {} deferred)", summary.received(), peer,
              millis, summary.applied(), summary.refused(), summary.deferred());
        }
        listeners.forEach(l -> l.onPulled(peer, summary, millis));
        disk.execute(this::completeJoinIfReady);
        disk.execute(() -> fetchMissingBlobs(peer));
      }
      if (again && !closed) {
        requestPull(peer);
      }
    });
  }

  private CompletableFuture<PullSummary> pullOnce(PeerId peer) {
    PullClient client;
    try {
      client = new PullClient(workspace.versionVector(), config.pullWindow(), config.pullBatchBytes());
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    AtomicReference<CatchUpStream> running = new AtomicReference<>();
    return host.openStream(peer, List.of(CatchUpProtocol.ID), stream -> {
      CatchUpStream s = CatchUpStream.pulling(stream, client, workspace, disk, this::relay,
          refused -> refused.forEach(r -> noteRefused(peer, r, "pulled")));
      running.set(s);
      return s;
    }).thenCompose(stream -> running.get().result()).orTimeout(10, TimeUnit.MINUTES);
  }

  private byte[] blobAnswer(byte[] hash) throws Exception {
    if (hash.length != BlobProtocol.HASH_BYTES) {
      throw new IllegalArgumentException("a blob request is a 32-byte hash");
    }
    java.util.Optional<byte[]> data = workspace.blob(HexFormat.of().formatHex(hash));
    if (data.isEmpty() || data.get().length > BlobProtocol.MAX_BLOB_BYTES) {
      return new byte[] {BlobProtocol.NOT_HERE};
    }
    byte[] out = new byte[1 + data.get().length];
    out[0] = BlobProtocol.FOUND;
    System.arraycopy(data.get(), 0, out, 1, data.get().length);
    return out;
  }

  /**
   * Fetches, one at a time, the bytes of attachments this replica knows of but lacks, from a peer we
   * just pulled from. What the peer lacks too is asked again after a later pull.
   */
  private void fetchMissingBlobs(PeerId peer) {
    if (closed || !blobFetching.compareAndSet(false, true)) {
      return;
    }
    try {
      for (String hex : workspace.missingBlobs(100)) {
        if (closed || !host.connectedPeers().contains(peer)) {
          return;
        }
        byte[] answer;
        try {
          answer = RequestResponse.request(host, peer, BlobProtocol.ID, HexFormat.of().parseHex(hex),
              1 + BlobProtocol.MAX_BLOB_BYTES).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
          log.debug("fetching blob {} from {} failed: {}", hex, peer, e.getMessage());
          continue;
        }
        if (answer.length == 0 || answer[0] != BlobProtocol.FOUND) {
          continue;
        }
        byte[] data = java.util.Arrays.copyOfRange(answer, 1, answer.length);
        String actual = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        if (!actual.equals(hex)) {
          log.warn("peer {} answered blob {} with other bytes (hashing to {}): not stored", peer, hex, actual);
          continue;
        }
        workspace.storeBlobAsync(data).get();
        log.info("fetched attachment bytes {} ({} bytes) from {}", hex.substring(0, 12), data.length, peer);
      }
    } catch (Exception e) {
      if (!closed) {
        log.warn("fetching attachments from {} failed", peer, e);
      }
    } finally {
      blobFetching.set(false);
    }
  }

  /** A device joining with an invite becomes a member as soon as the invite's registration has arrived. */
  private void completeJoinIfReady() {
    synchronized (joinLock) { // pulls finish on two disk threads: one join change, never two
      completeJoinOnce();
    }
  }

  private void completeJoinOnce() {
    try {
      if (!closed && SharedWorkspaces.joinPending(workspace) && SharedWorkspaces.completeJoin(workspace)) {
        log.info("joined workspace {} as {}", workspace.id(), workspace.actor());
        listeners.forEach(SyncListener::onJoined);
      }
    } catch (org.rhizome.graph.api.NotAllowedException e) {
      log.warn("cannot join: {}", e.getMessage());
      listeners.forEach(l -> l.onJoinFailed(e.getMessage()));
    } catch (Exception e) {
      if (!closed) {
        log.warn("completing the join failed", e);
      }
    }
  }

  /**
   * Passes on, live, a few changes that a pull just brought: peers connected to us but not to the
   * peer we pulled from get them now rather than at their next pull. A large catch-up is not relayed
   * (those peers' own pulls are cheaper than a flood).
   */
  private void relay(List<byte[]> newlyApplied) {
    if (closed || newlyApplied.size() > MAX_RELAYED_PER_BATCH) {
      return;
    }
    for (byte[] change : newlyApplied) {
      if (change.length <= MAX_LIVE_BYTES) {
        host.pubsub().publish(topic, change);
      }
    }
  }

  private void pullFromAll() {
    for (PeerId p : host.connectedPeers()) {
      requestPull(p);
    }
  }

  private void dialPeers() {
    Set<PeerId> connected = host.connectedPeers();
    for (Multiaddr a : config.peers()) {
      if (a.peerId().isPresent() && connected.contains(a.peerId().get())) {
        continue;
      }
      host.dial(a).whenComplete((p, e) -> {
        if (e != null) {
          log.debug("dialling {} failed: {}", a, e.getMessage());
        }
      });
    }
  }

  private void startMdns() {
    try {
      mdns.set(MdnsService.start(host.peerId(), host::listenAddresses, found -> {
        if (closed || host.connectedPeers().contains(found.peer())) {
          return;
        }
        for (Multiaddr a : found.addresses()) {
          host.dial(a.withPeerId(found.peer())).whenComplete((p, e) -> {
            if (e != null) {
              log.debug("dialling {} found by mDNS failed: {}", a, e.getMessage());
            }
          });
          break;
        }
      }, config.mdnsInterface(), config.mdnsInterval()));
    } catch (IOException e) {
      log.warn("mDNS discovery could not start on {}: {}", config.mdnsInterface(), e.getMessage());
    }
  }

  // ---- live changes

  private CompletableFuture<ValidationResult> validate(GossipMessage message) {
    if (!message.topic().equals(topic)) {
      return CompletableFuture.completedFuture(ValidationResult.IGNORE);
    }
    return faults.deliver(message, this::validateNow);
  }

  private CompletableFuture<ValidationResult> validateNow(GossipMessage message) {
    return live.offer(message.data()).handle((result, error) -> {
      if (error != null) {
        log.warn("storing a live change from {} failed", message.receivedFrom(), error);
        return ValidationResult.IGNORE;
      }
      switch (result.status()) {
        case APPLIED:
          liveApplied.incrementAndGet();
          lastSync.set(System.currentTimeMillis());
          listeners.forEach(l -> l.onLiveApplied(message.receivedFrom(), 1));
          return ValidationResult.ACCEPT;
        case DUPLICATE:
          return ValidationResult.IGNORE;
        default:
          if (result.reason() == RefusalReason.GAP_IN_SEQ || result.reason() == RefusalReason.MISSING_DEPENDENCY) {
            // We missed something: fetch it from whoever handed us this, then this change comes with it.
            requestPull(message.receivedFrom());
            return ValidationResult.IGNORE;
          }
          noteRefused(message.receivedFrom(), result, "live");
          // A change we could not store is not the sender's fault: do not forward it, do not score it.
          return result.reason() == RefusalReason.UNSTORABLE ? ValidationResult.IGNORE : ValidationResult.REJECT;
      }
    });
  }

  /** Counts and logs a refusal once per change, however often peers offer the change again. */
  private void noteRefused(PeerId from, ApplyResult result, String how) {
    if (refusals.record(result)) {
      log.warn("refused a {} change {} from {}: {} ({})", how, result.hash(), from, result.reason(), result.detail());
      listeners.forEach(l -> l.onRefused(from, result));
    }
  }

  /** Publishes this device's changes not yet published: made here, or by another process on the file. */
  private void publishOwnChanges() {
    if (closed) {
      return;
    }
    try {
      synchronized (publishLock) {
        var vv = workspace.versionVector();
        long head = vv.get(workspace.actor());
        while (head > publishedSeq && !closed) {
          var entries = workspace.changesSince(vv.with(workspace.actor(), publishedSeq), 0, 500);
          if (entries.isEmpty()) {
            break;
          }
          PubSub pubsub = host.pubsub();
          for (var e : entries) {
            if (!e.author().equals(workspace.actor())) {
              continue;
            }
            if (e.bytes().length <= MAX_LIVE_BYTES) {
              pubsub.publish(topic, e.bytes());
            } // a larger change reaches peers by their next pull
            publishedSeq = Math.max(publishedSeq, e.seq());
          }
        }
      }
    } catch (Exception e) {
      if (!closed) {
        log.warn("publishing local changes failed", e);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      feed.close();
    } catch (Exception e) {
      log.debug("unsubscribing failed", e);
    }
    MdnsService m = mdns.getAndSet(null);
    if (m != null) {
      m.close();
    }
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
