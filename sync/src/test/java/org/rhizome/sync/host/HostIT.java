package org.rhizome.sync.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.MessageValidator;
import org.rhizome.sync.multistream.NoProtocolException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.Direction;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;

/** Two Java hosts on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostIT {
  private static final String ECHO = "/rhizome/test-echo/1.0.0";
  private Host a;
  private Host b;

  @BeforeEach
  void start() throws Exception {
    a =
        Host.start(
            HostConfig.builder(PrivateKey.generate(new SecureRandom()))
                .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
                .build());
    b =
        Host.start(
            HostConfig.builder(PrivateKey.generate(new SecureRandom()))
                .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
                .build());
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  /** Serves a protocol that echoes everything and half-closes after the remote does. */
  private static void serveEcho(Host h) {
    h.handle(
        ECHO,
        stream ->
            new StreamHandler() {
              @Override
              public void onData(MuxedStream s, ByteBuf data) {
                s.write(data.retainedDuplicate());
              }

              @Override
              public void onRemoteClose(MuxedStream s) {
                s.closeWrite();
              }
            });
  }

  @Test
  void peersSeeConnectAndDisconnectEvents() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    b.addPeerListener(
        new PeerListener() {
          @Override
          public void onConnected(PeerId peer, Multiaddr address, Direction direction) {
            events.add("connected " + direction);
          }

          @Override
          public void onIdentified(PeerId peer, org.rhizome.sync.transport.IdentifyInfo info) {
            events.add("identified " + info.agentVersion());
          }

          @Override
          public void onDisconnected(PeerId peer) {
            events.add("disconnected");
          }
        });
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("connected INBOUND");
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("identified rhizome/0.1.0");
    assertThat(a.ping(b.peerId()).get(10, TimeUnit.SECONDS)).isPositive();
    a.disconnect(b.peerId());
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("disconnected");
  }

  @Test
  void ownProtocolStreamsCarryMegabytesThroughFlowControl() throws Exception {
    serveEcho(b);
    PeerId peer = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    byte[] payload = new byte[8 * 1024 * 1024];
    new SecureRandom().nextBytes(payload);
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long[] count = new long[1];
    CountDownLatch done = new CountDownLatch(1);
    MuxedStream s =
        a.openStream(
                peer,
                List.of("/nope/1.0.0", ECHO),
                stream ->
                    new StreamHandler() {
                      @Override
                      public void onData(MuxedStream st, ByteBuf data) {
                        count[0] += data.readableBytes();
                        byte[] chunk = new byte[data.readableBytes()];
                        data.readBytes(chunk);
                        received.update(chunk);
                      }

                      @Override
                      public void onRemoteClose(MuxedStream st) {
                        done.countDown();
                      }
                    })
            .get(10, TimeUnit.SECONDS);
    assertThat(s.protocol()).isEqualTo(ECHO);
    for (int off = 0; off < payload.length; off += 100_000) {
      s.write(Unpooled.wrappedBuffer(payload, off, Math.min(100_000, payload.length - off)));
    }
    s.closeWrite();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(count[0]).isEqualTo(payload.length);
    assertThat(received.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
  }

  @Test
  void unknownProtocolIsRefused() throws Exception {
    PeerId peer = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    CompletableFuture<MuxedStream> f =
        a.openStream(peer, List.of("/unknown/1.0.0"), s -> (st, d) -> {});
    assertThat(f)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(NoProtocolException.class);
  }

  @Test
  void gossipBetweenJavaHosts() throws Exception {
    BlockingQueue<GossipMessage> inbox = new LinkedBlockingQueue<>();
    a.pubsub().subscribe("t", MessageValidator.acceptAll(), m -> {});
    b.pubsub().subscribe("t", MessageValidator.acceptAll(), inbox::add);
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!a.pubsub().meshPeers("t").get().contains(b.peerId()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    a.pubsub().publish("t", "from a".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
    GossipMessage m = inbox.poll(10, TimeUnit.SECONDS);
    assertThat(m).isNotNull();
    assertThat(m.author()).isEqualTo(a.peerId());
  }

  @Test
  void inboundConnectionsBeyondTheLimitAreRefused() throws Exception {
    try (Host small =
        Host.start(
            HostConfig.builder(PrivateKey.generate(new SecureRandom()))
                .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
                .maxInboundConnections(1)
                .build())) {
      a.dial(small.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
      // The listener finishes its side of the handshake a moment after the dialer, and counts the
      // connection as open (what its accept checks) only after that: wait for both.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while ((!small.connectedPeers().contains(a.peerId()) || small.openInbound() < 1)
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(b.dial(small.listenAddresses().get(0))).failsWithin(10, TimeUnit.SECONDS);
      assertThat(small.connectedPeers()).containsExactly(a.peerId());
      assertThat(small.openInbound()).isEqualTo(1);
    }
  }

  @Test
  void streamsOpenedFasterThanAllowedAreResetAndTheConnectionStaysUsable() throws Exception {
    PeerId peer = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    java.util.List<CompletableFuture<MuxedStream>> opened = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      opened.add(
          a.openStream(
              peer,
              List.of(org.rhizome.sync.ping.PingService.PROTOCOL_ID),
              s ->
                  new StreamHandler() {
                    @Override
                    public void onData(MuxedStream stream, ByteBuf data) {}
                  }));
    }
    int failed = 0;
    for (CompletableFuture<MuxedStream> f : opened) {
      try {
        f.get(20, TimeUnit.SECONDS).reset();
      } catch (java.util.concurrent.ExecutionException e) {
        failed++;
      }
    }
    // A burst of 200 and 50 a second pass; the rest are reset unread.
    assertThat(failed).isGreaterThan(200);
    assertThat(a.connectedPeers()).contains(b.peerId());
    Thread.sleep(1_000);
    assertThat(a.ping(peer).get(10, TimeUnit.SECONDS)).isPositive();
  }

  @Test
  void requestResponseRoundTripsAndRefusesOversizedAnswers() throws Exception {
    RequestResponse.serve(
        b,
        "/rhizome/test-rr/1.0.0",
        1024,
        request ->
            CompletableFuture.completedFuture(
                ("re: " + new String(request.body(), StandardCharsets.UTF_8))
                    .repeat(request.body().length == 3 ? 1 : 100)
                    .getBytes(StandardCharsets.UTF_8)));
    PeerId peer = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    byte[] answer =
        RequestResponse.request(
                a, peer, "/rhizome/test-rr/1.0.0", "hey".getBytes(StandardCharsets.UTF_8), 1024)
            .get(10, TimeUnit.SECONDS);
    assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("re: hey");
    assertThat(
            RequestResponse.request(
                a,
                peer,
                "/rhizome/test-rr/1.0.0",
                "long one".getBytes(StandardCharsets.UTF_8),
                100))
        .failsWithin(10, TimeUnit.SECONDS);
    assertThat(RequestResponse.request(a, peer, "/rhizome/test-rr/1.0.0", new byte[2000], 100))
        .failsWithin(10, TimeUnit.SECONDS);
  }

  @Test
  void dnsAddressesAreResolvedOffTheEventLoop() throws Exception {
    int port = b.listenAddresses().get(0).toSocketAddress().getPort();
    PeerId peer =
        a.dial(Multiaddr.parse("/dns4/localhost/tcp/" + port + "/p2p/" + b.peerId()))
            .get(10, TimeUnit.SECONDS);
    assertThat(peer).isEqualTo(b.peerId());
  }

  @Test
  void gossipSurvivesLosingOneOfTwoConnections() throws Exception {
    BlockingQueue<GossipMessage> inbox = new LinkedBlockingQueue<>();
    a.pubsub().subscribe("t", MessageValidator.acceptAll(), m -> {});
    b.pubsub().subscribe("t", MessageValidator.acceptAll(), inbox::add);
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    // Without /p2p, so that b opens a second connection instead of reusing a's.
    b.dial(a.listenAddresses().get(0).withoutPeerId()).get(10, TimeUnit.SECONDS);
    awaitMesh(a, b.peerId());
    // Close every connection a dialed; b's connection to a stays, and a must reopen its stream on
    // it.
    a.closeConnections(b.peerId(), Direction.OUTBOUND);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    GossipMessage m = null;
    for (int i = 0; m == null && System.nanoTime() < deadline; i++) {
      a.pubsub()
          .publish("t", ("again " + i).getBytes(StandardCharsets.UTF_8))
          .get(5, TimeUnit.SECONDS);
      m = inbox.poll(500, TimeUnit.MILLISECONDS);
    }
    assertThat(m).isNotNull();
    assertThat(a.connectedPeers()).contains(b.peerId());
  }

  private static void awaitMesh(Host h, PeerId peer) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!h.pubsub().meshPeers("t").get().contains(peer) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void ioThreadsAreNamed() throws Exception {
    CompletableFuture<String> name = new CompletableFuture<>();
    b.handle(
        ECHO,
        stream -> {
          name.complete(Thread.currentThread().getName());
          return (s, d) -> {};
        });
    PeerId peer = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    a.openStream(peer, List.of(ECHO), s -> (st, d) -> {}).get(10, TimeUnit.SECONDS);
    assertThat(name.get(10, TimeUnit.SECONDS)).startsWith("rhizome-net-io-");
  }
}
