package org.rhizome.sync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.MessageValidator;
import org.rhizome.sync.gossip.ValidationResult;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;

/** GossipSub between our router and js-libp2p's @libp2p/gossipsub 17. */
@Tag("interop")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GossipInteropIT {
  private static final String TOPIC = "rhizome/test/1";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private Host host() throws Exception {
    Host h =
        Host.start(
            HostConfig.builder(PrivateKey.generate(new SecureRandom()))
                .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
                .build());
    closeables.add(h);
    return h;
  }

  private JsPeer js() throws Exception {
    JsPeer js =
        JsPeer.start(JsPeer.options().set("topics", JsPeer.options().arrayNode().add(TOPIC)));
    closeables.add(js);
    return js;
  }

  private static BlockingQueue<GossipMessage> subscribe(Host h, MessageValidator validator) {
    BlockingQueue<GossipMessage> inbox = new LinkedBlockingQueue<>();
    h.pubsub().subscribe(TOPIC, validator, inbox::add);
    return inbox;
  }

  private static void awaitMesh(Host h, PeerId peer) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (h.pubsub().meshPeers(TOPIC).get(5, TimeUnit.SECONDS).contains(peer)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(peer + " never joined our mesh");
  }

  private static JsonNode awaitJsMessage(JsPeer js, String text) throws InterruptedException {
    return js.awaitEvent(
        e -> e.path("event").asText().equals("message") && e.path("data").asText().equals(text),
        WAIT);
  }

  @Test
  void messagesFlowBothWaysWithSignaturesVerified() throws Exception {
    Host host = host();
    BlockingQueue<GossipMessage> inbox = subscribe(host, MessageValidator.acceptAll());
    JsPeer js = js();
    host.dial(js.address()).get(10, TimeUnit.SECONDS);
    awaitMesh(host, js.peerId());
    js.awaitEvent(
        e ->
            e.path("event").asText().equals("graft")
                && e.path("peer").asText().equals(host.peerId().toBase58()),
        WAIT);

    js.command("publish", Map.of("topic", TOPIC, "data", "hello from js"), WAIT);
    GossipMessage got = inbox.poll(15, TimeUnit.SECONDS);
    assertThat(got).isNotNull();
    assertThat(new String(got.data(), StandardCharsets.UTF_8)).isEqualTo("hello from js");
    assertThat(got.author()).isEqualTo(js.peerId());
    assertThat(got.topic()).isEqualTo(TOPIC);

    host.pubsub()
        .publish(TOPIC, "hello from java".getBytes(StandardCharsets.UTF_8))
        .get(5, TimeUnit.SECONDS);
    JsonNode seen = awaitJsMessage(js, "hello from java");
    assertThat(seen.get("from").asText()).isEqualTo(host.peerId().toBase58());
    assertThat(seen.get("topic").asText()).isEqualTo(TOPIC);
  }

  @Test
  void jsDialingJavaAlsoFormsAMesh() throws Exception {
    Host host = host();
    BlockingQueue<GossipMessage> inbox = subscribe(host, MessageValidator.acceptAll());
    JsPeer js = js();
    js.command("dial", Map.of("addr", host.listenAddresses().get(0).toString()), WAIT);
    awaitMesh(host, js.peerId());
    js.command("publish", Map.of("topic", TOPIC, "data", "js dialed"), WAIT);
    assertThat(inbox.poll(15, TimeUnit.SECONDS)).isNotNull();
    host.pubsub()
        .publish(TOPIC, "java answers".getBytes(StandardCharsets.UTF_8))
        .get(5, TimeUnit.SECONDS);
    awaitJsMessage(js, "java answers");
  }

  @Test
  void lineJavaJsJavaRelaysBothWays() throws Exception {
    Host left = host();
    Host right = host();
    BlockingQueue<GossipMessage> leftInbox = subscribe(left, MessageValidator.acceptAll());
    BlockingQueue<GossipMessage> rightInbox = subscribe(right, MessageValidator.acceptAll());
    JsPeer js = js();
    left.dial(js.address()).get(10, TimeUnit.SECONDS);
    right.dial(js.address()).get(10, TimeUnit.SECONDS);
    awaitMesh(left, js.peerId());
    awaitMesh(right, js.peerId());
    js.awaitEvent(
        e ->
            e.path("event").asText().equals("graft")
                && e.path("peer").asText().equals(left.peerId().toBase58()),
        WAIT);
    js.awaitEvent(
        e ->
            e.path("event").asText().equals("graft")
                && e.path("peer").asText().equals(right.peerId().toBase58()),
        WAIT);

    left.pubsub()
        .publish(TOPIC, "left to right".getBytes(StandardCharsets.UTF_8))
        .get(5, TimeUnit.SECONDS);
    GossipMessage atRight = rightInbox.poll(15, TimeUnit.SECONDS);
    assertThat(atRight).isNotNull();
    assertThat(atRight.author()).isEqualTo(left.peerId());
    assertThat(atRight.receivedFrom()).isEqualTo(js.peerId());

    right
        .pubsub()
        .publish(TOPIC, "right to left".getBytes(StandardCharsets.UTF_8))
        .get(5, TimeUnit.SECONDS);
    GossipMessage atLeft = leftInbox.poll(15, TimeUnit.SECONDS);
    assertThat(atLeft).isNotNull();
    assertThat(new String(atLeft.data(), StandardCharsets.UTF_8)).isEqualTo("right to left");
    assertThat(atLeft.receivedFrom()).isEqualTo(js.peerId());
  }

  @Test
  void lineJsJavaJsIsRelayedByOurRouter() throws Exception {
    Host middle = host();
    subscribe(middle, MessageValidator.acceptAll());
    JsPeer left = js();
    JsPeer right = js();
    left.command("dial", Map.of("addr", middle.listenAddresses().get(0).toString()), WAIT);
    right.command("dial", Map.of("addr", middle.listenAddresses().get(0).toString()), WAIT);
    awaitMesh(middle, left.peerId());
    awaitMesh(middle, right.peerId());
    left.awaitEvent(
        e ->
            e.path("event").asText().equals("graft")
                && e.path("peer").asText().equals(middle.peerId().toBase58()),
        WAIT);
    right.awaitEvent(
        e ->
            e.path("event").asText().equals("graft")
                && e.path("peer").asText().equals(middle.peerId().toBase58()),
        WAIT);

    left.command("publish", Map.of("topic", TOPIC, "data", "from the left js"), WAIT);
    JsonNode got = awaitJsMessage(right, "from the left js");
    assertThat(got.get("from").asText()).isEqualTo(left.peerId().toBase58());
    assertThat(got.get("via").asText()).isEqualTo(middle.peerId().toBase58());
    // A large one too: js→js IDONTWANT bookkeeping must not stop our relay.
    left.command("publishSized", Map.of("topic", TOPIC, "count", 1, "size", 4096), WAIT);
    right.awaitEvent(
        e -> e.path("event").asText().equals("message") && e.path("size").asInt() == 4096, WAIT);
    assertThat(
            right.events(
                e ->
                    e.path("event").asText().equals("connect")
                        && e.path("peer").asText().equals(left.peerId().toBase58())))
        .isEmpty();
  }

  @Test
  void largeMessagesAndBurstsCrossYamuxFlowControlBothWays() throws Exception {
    Host host = host();
    BlockingQueue<GossipMessage> inbox = subscribe(host, MessageValidator.acceptAll());
    JsPeer js = js();
    host.dial(js.address()).get(10, TimeUnit.SECONDS);
    awaitMesh(host, js.peerId());
    js.awaitEvent(
        e ->
            e.path("event").asText().equals("graft")
                && e.path("peer").asText().equals(host.peerId().toBase58()),
        WAIT);

    String big = "j".repeat(900 * 1024);
    host.pubsub().publish(TOPIC, big.getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 300; i++) {
      host.pubsub().publish(TOPIC, ("burst " + i).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(
            js.awaitEvent(
                    e ->
                        e.path("event").asText().equals("message")
                            && e.path("size").asInt() == big.length(),
                    WAIT)
                .get("from")
                .asText())
        .isEqualTo(host.peerId().toBase58());
    awaitJsMessage(js, "burst 299");
    assertThat(
            js.events(
                e ->
                    e.path("event").asText().equals("message")
                        && e.path("data").asText().startsWith("burst ")))
        .hasSize(300);

    js.command("publishSized", Map.of("topic", TOPIC, "count", 3, "size", 700 * 1024), WAIT);
    for (int i = 0; i < 3; i++) {
      GossipMessage m = inbox.poll(15, TimeUnit.SECONDS);
      assertThat(m).isNotNull();
      assertThat(m.data()).hasSize(700 * 1024);
    }
  }

  @Test
  void rejectedMessagesAreNotDeliveredOrRelayed() throws Exception {
    Host host = host();
    BlockingQueue<GossipMessage> inbox =
        subscribe(
            host,
            MessageValidator.of(
                m ->
                    new String(m.data(), StandardCharsets.UTF_8).startsWith("bad")
                        ? ValidationResult.REJECT
                        : ValidationResult.ACCEPT));
    JsPeer js = js();
    host.dial(js.address()).get(10, TimeUnit.SECONDS);
    awaitMesh(host, js.peerId());
    js.command("publish", Map.of("topic", TOPIC, "data", "bad change"), WAIT);
    js.command("publish", Map.of("topic", TOPIC, "data", "good change"), WAIT);
    GossipMessage first = inbox.poll(15, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(new String(first.data(), StandardCharsets.UTF_8)).isEqualTo("good change");
    assertThat(inbox.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }
}
