package org.rhizome.sync.gossip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.GossipParams;
import org.rhizome.sync.gossip.MessageValidator;
import org.rhizome.sync.gossip.ScoreParams;
import org.rhizome.sync.gossip.ValidationResult;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.LengthPrefixedFrames;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.transport.internal.ProtocolRegistry;

/**
 * The router's rules, driven deterministically: a manual clock, a seeded random, heartbeats on
 * demand.
 */
class GossipRouterTest {
  private static final String TOPIC = "t";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final Map<PeerId, FakeStream> outbound = new HashMap<>();
  private final ProtocolRegistry registry = new ProtocolRegistry();
  private final List<GossipMessage> delivered = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService executor;
  private GossipRouter router;

  private final class Remote {
    final PrivateKey key = PrivateKey.generate(RANDOM);
    final PeerId id = key.peerId();
    final FakeStream in = new FakeStream(id, GossipRouter.MESHSUB_1_1);
    StreamHandler handler;
    boolean dialedByUs;

    void connect() throws Exception {
      router.onPeerConnected(id, dialedByUs);
      router.onPeerProtocols(id, List.of(GossipRouter.MESHSUB_1_1));
      handler = registry.find(GossipRouter.MESHSUB_1_1).orElseThrow().create(in);
      sync();
    }

    void send(Rpc rpc) throws Exception {
      var buf = LengthPrefixedFrames.frame(PooledByteBufAllocator.DEFAULT, RpcCodec.encode(rpc));
      handler.onData(in, buf);
      buf.release();
      sync();
    }

    void subscribe() throws Exception {
      send(new Rpc(List.of(new Rpc.SubOpts(true, TOPIC)), List.of(), Rpc.Control.EMPTY));
    }

    List<Rpc> received() {
      FakeStream s = outbound.get(id);
      return s == null ? List.of() : s.written();
    }

    boolean gotGraft() {
      return received().stream().anyMatch(r -> r.control().graft().contains(TOPIC));
    }

    List<Rpc.Prune> prunes() {
      return received().stream().flatMap(r -> r.control().prune().stream()).toList();
    }

    List<RawMessage> messages() {
      return received().stream().flatMap(r -> r.messages().stream()).toList();
    }
  }

  @BeforeEach
  void setUp() {
    executor = new ScheduledThreadPoolExecutor(1);
    PrivateKey ours = PrivateKey.generate(RANDOM);
    router =
        new GossipRouter(
            ours,
            GossipParams.defaults(),
            clock::get,
            new Random(7),
            (peer, protocols, factory) -> {
              FakeStream s = new FakeStream(peer, protocols.get(0));
              synchronized (outbound) {
                outbound.put(peer, s);
              }
              factory.create(s);
              return CompletableFuture.completedFuture(s);
            },
            executor,
            false);
    router.register(registry);
  }

  @AfterEach
  void tearDown() {
    router.close();
  }

  private void sync() throws Exception {
    router.topicPeers(TOPIC).get(5, TimeUnit.SECONDS);
    router.topicPeers(TOPIC).get(5, TimeUnit.SECONDS);
  }

  private void heartbeat() throws Exception {
    executor.submit(router::heartbeat).get(5, TimeUnit.SECONDS);
    sync();
  }

  private List<Remote> remotes(int n, boolean subscribed) throws Exception {
    return remotes(n, subscribed, false);
  }

  private List<Remote> remotes(int n, boolean subscribed, boolean dialedByUs) throws Exception {
    List<Remote> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Remote r = new Remote();
      r.dialedByUs = dialedByUs;
      r.connect();
      if (subscribed) {
        r.subscribe();
      }
      out.add(r);
    }
    return out;
  }

  private void join() throws Exception {
    router.subscribe(TOPIC, MessageValidator.acceptAll(), delivered::add);
    sync();
  }

  private Set<PeerId> mesh() throws Exception {
    return router.meshPeers(TOPIC).get(5, TimeUnit.SECONDS);
  }

  @Test
  void joinGraftsDPeers() throws Exception {
    List<Remote> peers = remotes(10, true);
    join();
    assertThat(mesh()).hasSize(6);
    assertThat(peers.stream().filter(Remote::gotGraft).count()).isEqualTo(6);
    assertThat(peers.get(0).received().get(0).subscriptions())
        .containsExactly(new Rpc.SubOpts(true, TOPIC));
  }

  @Test
  void heartbeatGraftsWhenMeshIsBelowDLow() throws Exception {
    join();
    List<Remote> peers = remotes(8, true);
    assertThat(mesh()).isEmpty();
    heartbeat();
    assertThat(mesh()).hasSize(6);
    assertThat(peers.stream().filter(Remote::gotGraft).count()).isEqualTo(6);
  }

  @Test
  void heartbeatPrunesMeshAboveDHighWithBackoff() throws Exception {
    // Peers we dialed, so that their GRAFTs are taken even past D_hi.
    List<Remote> peers = remotes(14, true, true);
    join();
    for (Remote r : peers) {
      r.send(Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(TOPIC), List.of())));
    }
    assertThat(mesh()).hasSize(14);
    heartbeat();
    assertThat(mesh()).hasSize(6);
    List<Rpc.Prune> prunes = peers.stream().flatMap(r -> r.prunes().stream()).toList();
    assertThat(prunes).hasSize(8).allMatch(p -> p.backoffSeconds() == 60);
  }

  @Test
  void graftDuringBackoffIsAnsweredWithPrune() throws Exception {
    join();
    Remote r = remotes(1, true).get(0);
    r.send(
        Rpc.control(
            new Rpc.Control(List.of(), List.of(), List.of(), List.of(new Rpc.Prune(TOPIC, 60)))));
    r.send(Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(TOPIC), List.of())));
    assertThat(mesh()).isEmpty();
    assertThat(r.prunes()).isNotEmpty();
    // Once the backoff is over and the behaviour penalty has decayed, the peer may graft again.
    clock.addAndGet(Duration.ofSeconds(61).toMillis());
    for (int i = 0; i < 600; i++) {
      executor.submit(router::heartbeat).get(5, TimeUnit.SECONDS);
    }
    r.send(Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(TOPIC), List.of())));
    assertThat(mesh()).contains(r.id);
  }

  @Test
  void graftForTopicWeDoNotJoinIsPruned() throws Exception {
    Remote r = remotes(1, true).get(0);
    r.send(Rpc.control(new Rpc.Control(List.of(), List.of(), List.of("other"), List.of())));
    assertThat(r.prunes()).extracting(Rpc.Prune::topic).containsExactly("other");
  }

  @Test
  void validMessageIsDeliveredOnceAndForwardedToMeshExceptSourceAndAuthor() throws Exception {
    List<Remote> peers = remotes(3, true);
    join();
    PrivateKey author = peers.get(2).key;
    RawMessage m = MessageSigner.sign(author, TOPIC, "x".getBytes(StandardCharsets.UTF_8), 1);
    peers.get(0).send(Rpc.messages(List.of(m)));
    peers.get(0).send(Rpc.messages(List.of(m)));
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).author()).isEqualTo(peers.get(2).id);
    assertThat(delivered.get(0).receivedFrom()).isEqualTo(peers.get(0).id);
    assertThat(peers.get(1).messages()).hasSize(1);
    assertThat(peers.get(0).messages()).isEmpty();
    assertThat(peers.get(2).messages()).isEmpty();
  }

  @Test
  void badSignatureIsNeitherDeliveredNorForwarded() throws Exception {
    List<Remote> peers = remotes(2, true);
    join();
    RawMessage m =
        MessageSigner.sign(peers.get(0).key, TOPIC, "x".getBytes(StandardCharsets.UTF_8), 1);
    RawMessage forged =
        new RawMessage(
            m.from(),
            "y".getBytes(StandardCharsets.UTF_8),
            m.seqno(),
            m.topic(),
            m.signature(),
            m.key());
    peers.get(0).send(Rpc.messages(List.of(forged)));
    assertThat(delivered).isEmpty();
    assertThat(peers.get(1).messages()).isEmpty();
  }

  @Test
  void aCopyOfASeenMessageIsDroppedAsADuplicateBeforeItsSignatureIsChecked() throws Exception {
    List<Remote> peers = remotes(3, true);
    join();
    RawMessage m =
        MessageSigner.sign(peers.get(0).key, TOPIC, "x".getBytes(StandardCharsets.UTF_8), 1);
    peers.get(0).send(Rpc.messages(List.of(m)));
    assertThat(delivered).hasSize(1);
    // A second mesh peer forwards the same id with its signature broken: a duplicate (the first
    // copy was checked), neither delivered again nor counted against the forwarder.
    RawMessage copy =
        new RawMessage(
            m.from(), m.data(), m.seqno(), m.topic(), new byte[m.signature().length], m.key());
    peers.get(1).send(Rpc.messages(List.of(copy)));
    assertThat(delivered).hasSize(1);
    assertThat(score(peers.get(1))).isGreaterThanOrEqualTo(0.0);
    // An unseen id with a broken signature is still checked, refused and counted.
    RawMessage unseen =
        MessageSigner.sign(peers.get(0).key, TOPIC, "y".getBytes(StandardCharsets.UTF_8), 2);
    peers
        .get(2)
        .send(
            Rpc.messages(
                List.of(
                    new RawMessage(
                        unseen.from(),
                        unseen.data(),
                        unseen.seqno(),
                        unseen.topic(),
                        new byte[unseen.signature().length],
                        unseen.key()))));
    assertThat(delivered).hasSize(1);
    assertThat(score(peers.get(2))).isNegative();
    // ... and the forged copy did not mark the real message seen: it is delivered when it comes.
    peers.get(0).send(Rpc.messages(List.of(unseen)));
    assertThat(delivered).hasSize(2);
  }

  @Test
  void ignoredAndRejectedMessagesAreNotForwarded() throws Exception {
    List<Remote> peers = remotes(2, true);
    router.subscribe(
        TOPIC,
        MessageValidator.of(
            msg -> msg.data()[0] == 'r' ? ValidationResult.REJECT : ValidationResult.IGNORE),
        delivered::add);
    sync();
    peers
        .get(0)
        .send(
            Rpc.messages(
                List.of(
                    MessageSigner.sign(
                        peers.get(0).key, TOPIC, "r".getBytes(StandardCharsets.UTF_8), 1),
                    MessageSigner.sign(
                        peers.get(0).key, TOPIC, "i".getBytes(StandardCharsets.UTF_8), 2))));
    assertThat(delivered).isEmpty();
    assertThat(peers.get(1).messages()).isEmpty();
  }

  @Test
  void asyncValidationCompletesOnTheGossipThread() throws Exception {
    List<Remote> peers = remotes(2, true);
    CompletableFuture<ValidationResult> verdict = new CompletableFuture<>();
    router.subscribe(TOPIC, msg -> verdict, delivered::add);
    sync();
    peers
        .get(0)
        .send(
            Rpc.messages(List.of(MessageSigner.sign(peers.get(0).key, TOPIC, new byte[] {1}, 1))));
    assertThat(delivered).isEmpty();
    verdict.complete(ValidationResult.ACCEPT);
    sync();
    assertThat(delivered).hasSize(1);
    assertThat(peers.get(1).messages()).hasSize(1);
  }

  @Test
  void ihaveForUnseenMessageIsAnsweredWithIwant() throws Exception {
    Remote r = remotes(1, true).get(0);
    join();
    byte[] unseen = new byte[] {1, 2, 3};
    r.send(
        Rpc.control(
            new Rpc.Control(
                List.of(new Rpc.IHave(TOPIC, List.of(unseen))), List.of(), List.of(), List.of())));
    assertThat(r.received().stream().flatMap(x -> x.control().iwant().stream()))
        .anySatisfy(id -> assertThat(id).isEqualTo(unseen));
  }

  @Test
  void iwantIsServedFromCacheAtMostThreeTimes() throws Exception {
    Remote r = remotes(1, false).get(0);
    join();
    byte[] id = router.publish(TOPIC, new byte[] {9}).get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      r.send(Rpc.control(new Rpc.Control(List.of(), List.of(id), List.of(), List.of())));
    }
    assertThat(r.messages()).hasSize(MessageCache.MAX_TRANSMISSIONS);
  }

  @Test
  void heartbeatGossipsIhaveToNonMeshSubscribers() throws Exception {
    List<Remote> peers = remotes(8, true);
    join();
    byte[] id = router.publish(TOPIC, new byte[] {1}).get(5, TimeUnit.SECONDS);
    heartbeat();
    long gossiped =
        peers.stream()
            .filter(p -> !p.gotGraft())
            .filter(
                p ->
                    p.received().stream()
                        .flatMap(x -> x.control().ihave().stream())
                        .anyMatch(
                            ih ->
                                ih.messageIds().stream()
                                    .anyMatch(m -> java.util.Arrays.equals(m, id))))
            .count();
    assertThat(gossiped).isEqualTo(2);
  }

  @Test
  void floodPublishReachesEverySubscriberAndIsSigned() throws Exception {
    List<Remote> peers = remotes(9, true);
    remotes(2, false);
    join();
    router.publish(TOPIC, "hello".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
    sync();
    for (Remote p : peers) {
      assertThat(p.messages()).hasSize(1);
      assertThat(MessageSigner.verify(p.messages().get(0))).isNotNull();
    }
  }

  @Test
  void unsubscribeFromPeerRemovesItFromMesh() throws Exception {
    List<Remote> peers = remotes(3, true);
    join();
    assertThat(mesh()).hasSize(3);
    peers
        .get(0)
        .send(new Rpc(List.of(new Rpc.SubOpts(false, TOPIC)), List.of(), Rpc.Control.EMPTY));
    assertThat(mesh()).hasSize(2).doesNotContain(peers.get(0).id);
  }

  @Test
  void leavingPrunesMeshAndAnnouncesUnsubscribe() throws Exception {
    List<Remote> peers = remotes(2, true);
    var sub = router.subscribe(TOPIC, MessageValidator.acceptAll(), delivered::add);
    sync();
    sub.close();
    sync();
    for (Remote p : peers) {
      assertThat(p.prunes())
          .extracting(Rpc.Prune::backoffSeconds)
          .containsExactly(GossipRouter.UNSUBSCRIBE_BACKOFF_SECONDS);
      assertThat(p.received().stream().flatMap(r -> r.subscriptions().stream()))
          .contains(new Rpc.SubOpts(false, TOPIC));
    }
  }

  private double score(Remote r) throws Exception {
    return router.peerScores().get(5, TimeUnit.SECONDS).get(r.id);
  }

  private RawMessage forged(Remote r, int seq) {
    RawMessage m = MessageSigner.sign(r.key, TOPIC, new byte[] {1}, seq);
    return new RawMessage(m.from(), new byte[] {2}, m.seqno(), m.topic(), m.signature(), m.key());
  }

  @Test
  void invalidMessagesPushAPeerOutOfMeshThenGraylistIt() throws Exception {
    List<Remote> peers = remotes(2, true);
    join();
    Remote bad = peers.get(0);
    bad.send(Rpc.messages(List.of(forged(bad, 1))));
    assertThat(score(bad)).isEqualTo(-10.0);
    heartbeat();
    assertThat(mesh()).doesNotContain(bad.id).contains(peers.get(1).id);
    assertThat(bad.prunes()).isNotEmpty();
    bad.send(Rpc.messages(List.of(forged(bad, 2), forged(bad, 3))));
    assertThat(score(bad)).isLessThan(ScoreParams.defaults().graylistThreshold());
    bad.send(Rpc.messages(List.of(MessageSigner.sign(bad.key, TOPIC, new byte[] {7}, 4))));
    assertThat(delivered).isEmpty();
  }

  @Test
  void applicationRejectsCountAgainstTheSender() throws Exception {
    List<Remote> peers = remotes(1, true);
    router.subscribe(TOPIC, MessageValidator.of(m -> ValidationResult.REJECT), delivered::add);
    sync();
    peers
        .get(0)
        .send(
            Rpc.messages(List.of(MessageSigner.sign(peers.get(0).key, TOPIC, new byte[] {1}, 1))));
    assertThat(score(peers.get(0))).isEqualTo(-10.0);
  }

  @Test
  void goodDeliveriesEarnACappedPositiveScoreThatDecays() throws Exception {
    Remote r = remotes(1, true).get(0);
    join();
    List<RawMessage> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(MessageSigner.sign(r.key, TOPIC, new byte[] {(byte) i}, i));
    }
    r.send(Rpc.messages(batch));
    assertThat(score(r)).isEqualTo(10.0);
    for (int i = 0; i < 200; i++) {
      executor.submit(router::heartbeat).get(5, TimeUnit.SECONDS);
    }
    assertThat(score(r)).isLessThan(10.0);
  }

  @Test
  void graftDuringBackoffIsABehaviourPenalty() throws Exception {
    join();
    Remote r = remotes(1, true).get(0);
    r.send(
        Rpc.control(
            new Rpc.Control(List.of(), List.of(), List.of(), List.of(new Rpc.Prune(TOPIC, 60)))));
    r.send(Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(TOPIC), List.of())));
    assertThat(score(r)).isEqualTo(-10.0);
  }

  @Test
  void largeFirstArrivalSendsIdontwantToOtherV12MeshPeers() throws Exception {
    List<Remote> peers = remotes(3, true);
    join();
    RawMessage m = MessageSigner.sign(peers.get(0).key, TOPIC, new byte[600], 1);
    byte[] id = MessageSigner.messageId(peers.get(0).key.publicKey(), m.seqno());
    peers.get(1).send(Rpc.messages(List.of(m)));
    List<byte[]> told =
        peers.get(2).received().stream().flatMap(r -> r.control().idontwant().stream()).toList();
    assertThat(told).hasSize(1);
    assertThat(told.get(0)).isEqualTo(id);
    assertThat(peers.get(1).received().stream().flatMap(r -> r.control().idontwant().stream()))
        .isEmpty();
  }

  @Test
  void idontwantSuppressesForwardingToThatPeer() throws Exception {
    List<Remote> peers = remotes(3, true);
    join();
    RawMessage m = MessageSigner.sign(peers.get(0).key, TOPIC, new byte[600], 1);
    byte[] id = MessageSigner.messageId(peers.get(0).key.publicKey(), m.seqno());
    peers
        .get(1)
        .send(
            Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(), List.of(), List.of(id))));
    peers.get(0).send(Rpc.messages(List.of(m)));
    assertThat(peers.get(1).messages()).isEmpty();
    assertThat(peers.get(2).messages()).hasSize(1);
  }

  @Test
  void brokenIwantPromiseIsABehaviourPenalty() throws Exception {
    List<Remote> peers = remotes(2, true);
    join();
    RawMessage m = MessageSigner.sign(peers.get(1).key, TOPIC, new byte[] {1}, 1);
    byte[] id = MessageSigner.messageId(peers.get(1).key.publicKey(), m.seqno());
    Remote liar = peers.get(0);
    liar.send(
        Rpc.control(
            new Rpc.Control(
                List.of(new Rpc.IHave(TOPIC, List.of(id))), List.of(), List.of(), List.of())));
    clock.addAndGet(GossipRouter.IWANT_FOLLOW_UP_MILLIS + 1);
    heartbeat();
    assertThat(score(liar)).isLessThan(0);

    Remote honest = peers.get(1);
    RawMessage m2 = MessageSigner.sign(honest.key, TOPIC, new byte[] {2}, 2);
    byte[] id2 = MessageSigner.messageId(honest.key.publicKey(), m2.seqno());
    honest.send(
        Rpc.control(
            new Rpc.Control(
                List.of(new Rpc.IHave(TOPIC, List.of(id2))), List.of(), List.of(), List.of())));
    honest.send(Rpc.messages(List.of(m2)));
    clock.addAndGet(GossipRouter.IWANT_FOLLOW_UP_MILLIS + 1);
    heartbeat();
    assertThat(score(honest)).isGreaterThanOrEqualTo(0);
  }

  private void graft(Remote r) throws Exception {
    r.send(Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(TOPIC), List.of())));
  }

  @Test
  void oversubscribedMeshAcceptsGraftsOnlyFromPeersWeDialed() throws Exception {
    join();
    for (Remote r : remotes(12, true)) {
      graft(r);
    }
    assertThat(mesh()).hasSize(12);
    Remote inbound = remotes(1, true).get(0);
    graft(inbound);
    assertThat(mesh()).hasSize(12).doesNotContain(inbound.id);
    assertThat(inbound.prunes()).isNotEmpty();
    Remote outbound = remotes(1, true, true).get(0);
    graft(outbound);
    assertThat(mesh()).hasSize(13).contains(outbound.id);
  }

  @Test
  void pruneKeepsAtLeastDOutPeersWeDialed() throws Exception {
    join();
    List<Remote> inbound = remotes(12, true);
    for (Remote r : inbound) {
      graft(r);
    }
    List<Remote> outbound = remotes(2, true, true);
    for (Remote r : outbound) {
      graft(r);
    }
    assertThat(mesh()).hasSize(14);
    heartbeat();
    assertThat(mesh()).hasSize(6).contains(outbound.get(0).id, outbound.get(1).id);
  }

  @Test
  void heartbeatFillsTheOutboundQuota() throws Exception {
    join();
    for (Remote r : remotes(5, true)) {
      graft(r);
    }
    List<Remote> outbound = remotes(3, true, true);
    heartbeat();
    Set<PeerId> m = mesh();
    assertThat(m).hasSize(7);
    assertThat(outbound.stream().filter(r -> m.contains(r.id)).count()).isEqualTo(2);
  }
}
