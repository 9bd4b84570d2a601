package org.rhizome.sync.gossip.internal;

// Longer than 500 lines on purpose: the GossipSub v1.1 router's state (mesh, fanout, seen cache,
// IHAVE/IWANT, backoff, scores) is one state machine guarded by one event loop; its parts read and
// write the same maps.

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.GossipParams;
import org.rhizome.sync.gossip.MessageValidator;
import org.rhizome.sync.gossip.PubSub;
import org.rhizome.sync.gossip.ScoreParams;
import org.rhizome.sync.gossip.ValidationResult;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.peer.PublicKey;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandlerFactory;
import org.rhizome.sync.transport.internal.ProtocolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GossipSub v1.1 router (specs/pubsub/gossipsub/gossipsub-v1.0.md, gossipsub-v1.1.md): a mesh
 * per topic kept between D_lo and D_hi by a heartbeat, fanout for topics we publish to without
 * joining, IHAVE/IWANT gossip from a message cache, a seen cache, GRAFT/PRUNE with backoff,
 * StrictSign, flood publishing, an application validation hook, and a reduced peer score ({@link
 * ScoreParams}: invalid messages and misbehaviour push a peer out of the mesh, then out of gossip,
 * then into the graylist). v1.2's IDONTWANT is sent for large messages and honoured when
 * forwarding. Peer exchange is not implemented (PX records in PRUNE are ignored and never sent).
 *
 * <p>Each peer gets one stream from us, on which we only write, and may open streams to us, from
 * which we only read — as js-libp2p does. RPC decoding and signature checks run on the connection's
 * event loop (they are this protocol's own work and spread over the I/O threads); all router state
 * lives on one thread ({@code rhizome-gossip}), which also runs validators and message handlers.
 * Time and randomness are passed in so the heartbeat logic can be driven deterministically.
 */
public final class GossipRouter implements PubSub {
  private static final Logger LOG = LoggerFactory.getLogger(GossipRouter.class);
  public static final String MESHSUB_1_2 = "/meshsub/1.2.0";
  public static final String MESHSUB_1_1 = "/meshsub/1.1.0";
  public static final String MESHSUB_1_0 = "/meshsub/1.0.0";
  public static final List<String> PROTOCOLS = List.of(MESHSUB_1_2, MESHSUB_1_1, MESHSUB_1_0);

  /**
   * Messages at least this large get an IDONTWANT to v1.2 mesh peers on first arrival (js's
   * default).
   */
  static final int IDONTWANT_MIN_SIZE = 512;

  /** How long an IDONTWANT is remembered: the message cache's gossip windows. */
  static final long IDONTWANT_TTL_MILLIS = 3_000;

  /**
   * A peer that answered IHAVE gets this long to deliver what we asked for (gossipsub v1.1 IWANT
   * follow-up).
   */
  static final long IWANT_FOLLOW_UP_MILLIS = 3_000;

  /** After our stream to a peer is lost or refused, wait this long before opening another. */
  static final long REOPEN_DELAY_MILLIS = 10_000;

  public static final int MAX_PENDING_VALIDATIONS = 1024;
  static final long UNSUBSCRIBE_BACKOFF_SECONDS = 10;
  static final int MAX_SEEN = 500_000;

  /** Opens a stream to a peer (the host's {@code openStream}). */
  @FunctionalInterface
  public interface StreamOpener {
    CompletableFuture<MuxedStream> open(
        PeerId peer, List<String> protocols, StreamHandlerFactory factory);
  }

  private record Sub(MessageValidator validator, Consumer<GossipMessage> handler) {}

  private final PrivateKey key;
  private final PeerId self;
  private final GossipParams params;
  private final LongSupplier clock;
  private final Random random;
  private final StreamOpener opener;
  private final ScheduledExecutorService executor;
  private final Map<PeerId, GossipPeer> peers;
  private final Map<String, Sub> subscriptions = new HashMap<>();
  private final Map<String, Set<GossipPeer>> mesh;
  private final Map<String, Set<GossipPeer>> fanout;
  private final Map<String, Long> fanoutLastPublish;
  private final List<SubscriptionListener> subscriptionListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final SeenCache seen;
  private final IwantPromises promises = new IwantPromises();
  private final Topology topology;
  private final Heartbeat heartbeat;
  private final GossipStreams streams;
  private final MessageCache cache;
  private long nextSeqno;
  private int pendingValidations;
  private volatile boolean closed;

  public GossipRouter(
      PrivateKey key, GossipParams params, LongSupplier clock, Random random, StreamOpener opener) {
    this(
        key,
        params,
        clock,
        random,
        opener,
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rhizome-gossip");
              t.setDaemon(true);
              return t;
            }),
        true);
  }

  /** For tests: state on {@code executor}; the heartbeat runs only if {@code scheduleHeartbeat}. */
  GossipRouter(
      PrivateKey key,
      GossipParams params,
      LongSupplier clock,
      Random random,
      StreamOpener opener,
      ScheduledExecutorService executor,
      boolean scheduleHeartbeat) {
    this.key = key;
    this.self = key.peerId();
    this.params = params;
    this.clock = clock;
    this.random = random;
    this.opener = opener;
    this.executor = executor;
    this.seen = new SeenCache(params.seenTtl().toMillis(), MAX_SEEN);
    this.cache = new MessageCache(params.historyLength(), params.historyGossip());
    this.topology = new Topology(params, random);
    this.peers = topology.peers;
    this.mesh = topology.mesh;
    this.fanout = topology.fanout;
    this.fanoutLastPublish = topology.fanoutLastPublish;
    this.streams =
        new GossipStreams(
            params,
            opener,
            new GossipStreams.Router() {
              @Override
              public void run(Runnable task) {
                GossipRouter.this.run(task);
              }

              @Override
              public boolean isClosed() {
                return closed;
              }

              @Override
              public long now() {
                return GossipRouter.this.clock.getAsLong();
              }

              @Override
              public Map<PeerId, GossipPeer> peers() {
                return peers;
              }

              @Override
              public Set<String> ourTopics() {
                return subscriptions.keySet();
              }

              @Override
              public void onRpc(GossipPeer from, Rpc rpc, @Nullable PublicKey[] authors) {
                handleRpc(from, rpc, authors);
              }

              @Override
              public void onOutboundLost(GossipPeer peer) {
                mesh.values().forEach(set -> set.remove(peer));
              }

              @Override
              public boolean seenAlready(RawMessage m) {
                return GossipRouter.this.seenAlready(m);
              }
            });
    this.heartbeat =
        new Heartbeat(
            topology,
            cache,
            seen,
            promises,
            new Heartbeat.Outbox() {
              @Override
              public void sendControl(GossipPeer p, Rpc.Control c) {
                streams.sendControl(p, c);
              }

              @Override
              public void reopen(GossipPeer p) {
                streams.ensureOutbound(p);
              }
            });
    this.nextSeqno = clock.getAsLong() * 1_000_000L;
    if (scheduleHeartbeat) {
      long period = params.heartbeat().toMillis();
      executor.scheduleAtFixedRate(
          this::heartbeatSafely, Math.min(100, period), period, TimeUnit.MILLISECONDS);
    }
  }

  /** Serves the gossipsub protocol ids on streams peers open to us. */
  public void register(ProtocolRegistry registry) {
    for (String p : PROTOCOLS) {
      registry.register(p, streams::inboundHandler);
    }
  }

  // ---- host events (any thread) ----

  /** A connection to {@code peer} is up; {@code outbound} if we dialed it. */
  public void onPeerConnected(PeerId peer, boolean outbound) {
    run(
        () -> {
          GossipPeer p =
              peers.computeIfAbsent(peer, id -> new GossipPeer(id, params.maxIhaveLength()));
          p.outboundConnection |= outbound;
        });
  }

  public void onPeerDisconnected(PeerId peer) {
    run(
        () -> {
          GossipPeer p = peers.remove(peer);
          if (p != null) {
            mesh.values().forEach(s -> s.remove(p));
            fanout.values().forEach(s -> s.remove(p));
          }
        });
  }

  /** Identify told us the peer's protocols: open our stream if it speaks gossipsub. */
  public void onPeerProtocols(PeerId peer, List<String> protocols) {
    boolean gossip = protocols.stream().anyMatch(p -> p.startsWith("/meshsub/"));
    if (gossip) {
      run(
          () -> {
            GossipPeer p = peers.get(peer);
            if (p != null) {
              p.supportsGossip = true;
              streams.ensureOutbound(p);
            }
          });
    }
  }

  public void close() {
    closed = true;
    executor.shutdownNow();
  }

  // ---- public API ----

  @Override
  public Subscription subscribe(
      String topic, MessageValidator validator, Consumer<GossipMessage> handler) {
    if (topic.isEmpty() || topic.length() > RpcCodec.MAX_TOPIC_LENGTH) {
      throw new IllegalArgumentException("bad topic: " + topic);
    }
    Sub sub = new Sub(validator, handler);
    run(() -> join(topic, sub));
    return new Subscription() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public void close() {
        run(() -> leave(topic, sub));
      }
    };
  }

  @Override
  public CompletableFuture<byte[]> publish(String topic, byte[] data) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    if (data.length > params.maxMessageSize()) {
      result.completeExceptionally(
          new IllegalArgumentException(
              "message of "
                  + data.length
                  + " bytes is over the limit of "
                  + params.maxMessageSize()));
      return result;
    }
    byte[] copy = data.clone();
    run(() -> result.complete(publishNow(topic, copy)));
    return result;
  }

  @Override
  public void addSubscriptionListener(SubscriptionListener listener) {
    subscriptionListeners.add(listener);
  }

  @Override
  public CompletableFuture<Set<PeerId>> topicPeers(String topic) {
    return call(
        () -> {
          Set<PeerId> out = new HashSet<>();
          for (GossipPeer p : peers.values()) {
            if (p.topics.contains(topic)) {
              out.add(p.id);
            }
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<Map<PeerId, Double>> peerScores() {
    return call(
        () -> {
          Map<PeerId, Double> out = new HashMap<>();
          for (GossipPeer p : peers.values()) {
            out.put(p.id, p.score(params.score()));
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<Set<PeerId>> meshPeers(String topic) {
    return call(
        () -> {
          Set<PeerId> out = new HashSet<>();
          for (GossipPeer p : mesh.getOrDefault(topic, Set.of())) {
            out.add(p.id);
          }
          return out;
        });
  }

  // ---- state changes (gossip thread) ----

  private void join(String topic, Sub sub) {
    boolean fresh = subscriptions.put(topic, sub) == null;
    if (!fresh) {
      return;
    }
    byte[] hello =
        RpcCodec.encode(
            new Rpc(List.of(new Rpc.SubOpts(true, topic)), List.of(), Rpc.Control.EMPTY));
    for (GossipPeer p : peers.values()) {
      streams.send(p, hello);
    }
    Set<GossipPeer> members = fanout.remove(topic);
    fanoutLastPublish.remove(topic);
    Set<GossipPeer> m = members == null ? new HashSet<>() : members;
    mesh.put(topic, m);
    long now = clock.getAsLong();
    for (GossipPeer p : m) {
      streams.sendControl(p, new Rpc.Control(List.of(), List.of(), List.of(topic), List.of()));
    }
    for (GossipPeer p : topology.pick(topic, params.d() - m.size(), now, m)) {
      m.add(p);
      streams.sendControl(p, new Rpc.Control(List.of(), List.of(), List.of(topic), List.of()));
    }
  }

  private void leave(String topic, Sub sub) {
    if (subscriptions.get(topic) != sub) {
      return;
    }
    subscriptions.remove(topic);
    byte[] bye =
        RpcCodec.encode(
            new Rpc(List.of(new Rpc.SubOpts(false, topic)), List.of(), Rpc.Control.EMPTY));
    Set<GossipPeer> m = mesh.remove(topic);
    long now = clock.getAsLong();
    if (m != null) {
      for (GossipPeer p : m) {
        p.backoffUntil.put(topic, now + UNSUBSCRIBE_BACKOFF_SECONDS * 1000);
        streams.sendControl(
            p,
            new Rpc.Control(
                List.of(),
                List.of(),
                List.of(),
                List.of(new Rpc.Prune(topic, UNSUBSCRIBE_BACKOFF_SECONDS))));
      }
    }
    for (GossipPeer p : peers.values()) {
      streams.send(p, bye);
    }
  }

  /**
   * Whether the id a received message claims — its key (or the key its from inlines) and its seqno
   * — is in the seen cache. Judged before the signature is checked: a forged copy of a seen id is
   * dropped like the duplicate it claims to be; an id that cannot be read here is left to the
   * checks. Gossip thread only.
   */
  private boolean seenAlready(RawMessage m) {
    byte[] seqno = m.seqno();
    if (seqno == null || seqno.length != MessageSigner.SEQNO_LENGTH) {
      return false;
    }
    byte[] key = m.key();
    if (key == null) {
      if (m.from() == null) {
        return false;
      }
      try {
        Optional<PublicKey> inlined = PeerId.fromBytes(m.from()).extractPublicKey();
        if (inlined.isEmpty()) {
          return false;
        }
        key = inlined.get().marshal();
      } catch (RuntimeException e) {
        return false;
      }
    }
    byte[] id = new byte[key.length + seqno.length];
    System.arraycopy(key, 0, id, 0, key.length);
    System.arraycopy(seqno, 0, id, key.length, seqno.length);
    return seen.contains(new MessageKey(id));
  }

  private byte[] publishNow(String topic, byte[] data) {
    long seqno = nextSeqno++;
    RawMessage m = MessageSigner.sign(key, topic, data, seqno);
    byte[] id = MessageSigner.messageId(key.publicKey(), m.seqno());
    MessageKey k = new MessageKey(id);
    long now = clock.getAsLong();
    seen.add(k, now);
    cache.put(k, m);
    Set<GossipPeer> targets = new HashSet<>();
    if (params.floodPublish()) {
      for (GossipPeer p : peers.values()) {
        if (p.topics.contains(topic)
            && p.score(params.score()) >= params.score().publishThreshold()) {
          targets.add(p);
        }
      }
    } else if (subscriptions.containsKey(topic)) {
      targets.addAll(mesh.getOrDefault(topic, Set.of()));
    } else {
      Set<GossipPeer> f = fanout.computeIfAbsent(topic, t -> new HashSet<>());
      if (f.isEmpty()) {
        f.addAll(topology.pick(topic, params.d(), now, Set.of()));
      }
      targets.addAll(f);
      fanoutLastPublish.put(topic, now);
    }
    if (!targets.isEmpty()) {
      streams.sendToAll(targets, RpcCodec.encode(Rpc.messages(List.of(m))));
    }
    return id;
  }

  /**
   * Handles one decoded RPC; {@code authors[i]} is the verified key of message i, or null if it
   * failed.
   */
  private void handleRpc(GossipPeer from, Rpc rpc, @Nullable PublicKey[] authors) {
    if (from.score(params.score()) < params.score().graylistThreshold()) {
      LOG.debug("ignoring RPC from graylisted {}", from.id);
      return;
    }
    for (Rpc.SubOpts s : rpc.subscriptions()) {
      boolean changed;
      if (s.subscribe()) {
        changed = from.topics.size() < GossipPeer.MAX_TOPICS && from.topics.add(s.topic());
      } else {
        changed = from.topics.remove(s.topic());
        Set<GossipPeer> m = mesh.get(s.topic());
        if (m != null) {
          m.remove(from);
        }
        Set<GossipPeer> f = fanout.get(s.topic());
        if (f != null) {
          f.remove(from);
        }
      }
      if (changed) {
        for (SubscriptionListener l : subscriptionListeners) {
          try {
            l.onSubscriptionChange(from.id, s.topic(), s.subscribe());
          } catch (RuntimeException e) {
            LOG.warn("subscription listener failed", e);
          }
        }
      }
    }
    for (int i = 0; i < rpc.messages().size(); i++) {
      RawMessage m = rpc.messages().get(i);
      PublicKey author = authors[i];
      if (author == null) {
        LOG.debug("rejected invalid message from {}", from.id);
        from.invalid++;
        continue;
      }
      handleMessage(from, m, author);
    }
    if (!rpc.control().isEmpty()) {
      handleControl(from, rpc.control());
    }
  }

  private void handleMessage(GossipPeer from, RawMessage m, PublicKey author) {
    byte[] seqnoBytes = m.seqno();
    if (seqnoBytes == null) {
      return;
    }
    byte[] id = MessageSigner.messageId(author, seqnoBytes);
    MessageKey k = new MessageKey(id);
    if (!seen.add(k, clock.getAsLong())) {
      return;
    }
    promises.fulfil(k);
    if (!promises.isEmpty() && m.from() != null) {
      // go-libp2p's default id is from ‖ seqno; a peer using it fulfils our IWANT with that id.
      byte[] fromBytes = m.from();
      byte[] goId = java.util.Arrays.copyOf(fromBytes, fromBytes.length + seqnoBytes.length);
      System.arraycopy(seqnoBytes, 0, goId, fromBytes.length, seqnoBytes.length);
      promises.fulfil(new MessageKey(goId));
    }
    PeerId authorId = author.toPeerId();
    if (authorId.equals(self)) {
      return;
    }
    if (m.data() != null && m.data().length >= IDONTWANT_MIN_SIZE) {
      Rpc.Control dontWant =
          new Rpc.Control(List.of(), List.of(), List.of(), List.of(), List.of(id));
      for (GossipPeer p : mesh.getOrDefault(m.topic(), Set.of())) {
        if (p != from && p.supportsIdontwant()) {
          streams.sendControl(p, dontWant);
        }
      }
    }
    Sub sub = subscriptions.get(m.topic());
    if (sub == null) {
      cache.put(k, m);
      return;
    }
    byte[] data = m.data() == null ? new byte[0] : m.data();
    if (data.length > params.maxMessageSize()) {
      LOG.debug("rejected {}-byte message from {}", data.length, from.id);
      return;
    }
    GossipMessage message =
        new GossipMessage(
            m.topic(), data, authorId, from.id, ByteBuffer.wrap(seqnoBytes).getLong(), id);
    if (pendingValidations >= MAX_PENDING_VALIDATIONS) {
      LOG.debug("validation queue full; ignoring {}", message);
      return;
    }
    CompletableFuture<ValidationResult> verdict;
    try {
      verdict = sub.validator().validate(message).toCompletableFuture();
    } catch (RuntimeException e) {
      LOG.warn("validator for {} failed", m.topic(), e);
      return;
    }
    if (verdict.isDone()) {
      afterValidation(from, k, m, message, sub, verdict.getNow(ValidationResult.IGNORE));
      return;
    }
    pendingValidations++;
    verdict.whenComplete(
        (r, e) ->
            run(
                () -> {
                  pendingValidations--;
                  if (e != null) {
                    LOG.warn("validator for {} failed", m.topic(), e);
                    return;
                  }
                  afterValidation(from, k, m, message, sub, r);
                }));
  }

  private void afterValidation(
      GossipPeer from,
      MessageKey k,
      RawMessage m,
      GossipMessage message,
      Sub sub,
      ValidationResult r) {
    switch (r) {
      case ACCEPT -> {
        from.firstDeliveries++;
        cache.put(k, m);
        try {
          sub.handler().accept(message);
        } catch (RuntimeException e) {
          LOG.warn("message handler for {} failed", m.topic(), e);
        }
        Set<GossipPeer> targets = new HashSet<>(mesh.getOrDefault(m.topic(), Set.of()));
        targets.remove(from);
        targets.removeIf(p -> p.id.equals(message.author()) || p.dontWant.containsKey(k));
        if (!targets.isEmpty()) {
          streams.sendToAll(targets, RpcCodec.encode(Rpc.messages(List.of(m))));
        }
      }
      case IGNORE -> LOG.trace("ignored {}", message);
      case REJECT -> {
        from.invalid++;
        LOG.debug("application rejected {} from {}", message, from.id);
      }
    }
  }

  private void handleControl(GossipPeer from, Rpc.Control c) {
    long now = clock.getAsLong();
    List<Rpc.Prune> prunes = new ArrayList<>();
    for (String topic : c.graft()) {
      Set<GossipPeer> m = mesh.get(topic);
      if (m == null) {
        prunes.add(new Rpc.Prune(topic, 0));
      } else if (from.isBackedOff(topic, now)) {
        from.behaviour++;
        prunes.add(new Rpc.Prune(topic, params.pruneBackoff().toSeconds()));
        from.backoffUntil.put(topic, now + params.pruneBackoff().toMillis());
      } else if (from.score(params.score()) < 0
          || (m.size() >= params.dHigh() && !from.outboundConnection)) {
        // Oversubscribed meshes take only peers we dialed (v1.1 outbound mesh quota).
        prunes.add(new Rpc.Prune(topic, params.pruneBackoff().toSeconds()));
      } else {
        m.add(from);
      }
    }
    for (Rpc.Prune p : c.prune()) {
      Set<GossipPeer> m = mesh.get(p.topic());
      if (m != null) {
        m.remove(from);
      }
      long backoff =
          p.backoffSeconds() > 0 ? p.backoffSeconds() * 1000 : params.pruneBackoff().toMillis();
      from.backoffUntil.put(p.topic(), now + Math.min(backoff, 3_600_000L));
    }
    for (byte[] id : c.idontwant()) {
      from.dontWant(new MessageKey(id), now);
    }
    List<byte[]> iwant = new ArrayList<>();
    boolean gossipOk = from.score(params.score()) >= params.score().gossipThreshold();
    for (Rpc.IHave ih : gossipOk ? c.ihave() : List.<Rpc.IHave>of()) {
      if (!subscriptions.containsKey(ih.topic())) {
        continue;
      }
      for (byte[] id : ih.messageIds()) {
        if (from.iwantBudget <= 0) {
          break;
        }
        MessageKey key = new MessageKey(id);
        if (!seen.contains(key) && promises.canAsk(key)) {
          from.iwantBudget--;
          iwant.add(id);
          promises.add(key, from, now + IWANT_FOLLOW_UP_MILLIS);
        }
      }
    }
    List<RawMessage> served = new ArrayList<>();
    for (byte[] id : gossipOk ? c.iwant() : List.<byte[]>of()) {
      RawMessage m = cache.serve(new MessageKey(id), from.id);
      if (m != null) {
        served.add(m);
      }
    }
    if (!prunes.isEmpty() || !iwant.isEmpty()) {
      streams.sendControl(from, new Rpc.Control(List.of(), iwant, List.of(), prunes));
    }
    if (!served.isEmpty()) {
      streams.send(from, RpcCodec.encode(Rpc.messages(served)));
    }
  }

  // ---- heartbeat ----

  /** One heartbeat (see {@link Heartbeat}); on the gossip thread. */
  void heartbeat() {
    heartbeat.run(clock.getAsLong());
  }

  private void heartbeatSafely() {
    try {
      heartbeat();
    } catch (RuntimeException e) {
      LOG.error("gossip heartbeat failed", e);
    }
  }

  // ---- executor plumbing ----

  private void run(Runnable task) {
    if (closed) {
      return;
    }
    try {
      executor.execute(
          () -> {
            try {
              task.run();
            } catch (RejectedExecutionException e) {
              // A connection's event loop has stopped: the host is closing under us.
              LOG.debug("gossip task met a stopped event loop: {}", e.getMessage());
            } catch (RuntimeException e) {
              LOG.error("gossip task failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("gossip router closed");
    }
  }

  private <T> CompletableFuture<T> call(java.util.function.Supplier<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    run(() -> f.complete(task.get()));
    if (closed) {
      f.completeExceptionally(new Libp2pException("gossip router closed"));
    }
    return f;
  }
}
