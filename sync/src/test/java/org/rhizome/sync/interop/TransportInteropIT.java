package org.rhizome.sync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rhizome.sync.gossip.internal.GossipRouter;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.identify.IdentifyService;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.ping.PingService;
import org.rhizome.sync.transport.IdentifyInfo;

/** TCP + multistream-select + Noise + yamux + identify + ping against a real js-libp2p 3.x node. */
@Tag("interop")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportInteropIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Host host;

  @BeforeEach
  void startHost() throws Exception {
    host =
        Host.start(
            HostConfig.builder(PrivateKey.generate(new SecureRandom()))
                .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
                .listen(Multiaddr.parse("/ip6/::1/tcp/0"))
                .build());
    closeables.add(host);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private JsPeer js() throws Exception {
    JsPeer js = JsPeer.start();
    closeables.add(js);
    return js;
  }

  @Test
  void javaDialsJsAndPingsAndIdentifies() throws Exception {
    JsPeer js = js();
    PeerId remote = host.dial(js.address()).get(10, TimeUnit.SECONDS);
    assertThat(remote).isEqualTo(js.peerId());

    Duration rtt = host.ping(remote).get(10, TimeUnit.SECONDS);
    assertThat(rtt).isPositive().isLessThan(Duration.ofSeconds(2));

    JsonNode theirView =
        js.awaitEvent(
            e ->
                e.path("event").asText().equals("identify")
                    && e.path("peer").asText().equals(host.peerId().toBase58()),
            WAIT);
    assertThat(theirView.get("agentVersion").asText()).isEqualTo("rhizome/0.1.0");
    assertThat(theirView.get("protocolVersion").asText()).isEqualTo("ipfs/0.1.0");
    assertThat(theirView.get("protocols").toString())
        .contains(
            PingService.PROTOCOL_ID,
            IdentifyService.PROTOCOL_ID,
            GossipRouter.MESHSUB_1_2,
            GossipRouter.MESHSUB_1_1,
            GossipRouter.MESHSUB_1_0);
    assertThat(theirView.get("listenAddrs").toString()).contains("/ip4/127.0.0.1/tcp/");
    assertThat(theirView.get("publicKey").asText()).isNotEmpty();

    IdentifyInfo ourView = awaitIdentify(remote);
    assertThat(ourView.agentVersion()).startsWith("js-libp2p/");
    assertThat(ourView.protocols())
        .contains(
            PingService.PROTOCOL_ID, IdentifyService.PUSH_PROTOCOL_ID, GossipRouter.MESHSUB_1_1);
    assertThat(ourView.listenAddresses()).isNotEmpty();
    assertThat(ourView.observedAddress()).isNotNull();
    assertThat(ourView.observedAddress().toString()).startsWith("/ip4/127.0.0.1/tcp/");
  }

  @Test
  void jsDialsJavaAndPingsIt() throws Exception {
    JsPeer js = js();
    Multiaddr ours = host.listenAddresses().get(0);
    JsonNode dialed = js.command("dial", Map.of("addr", ours.toString()), WAIT);
    assertThat(dialed.get("peer").asText()).isEqualTo(host.peerId().toBase58());
    for (int i = 0; i < 3; i++) {
      JsonNode ping = js.command("ping", Map.of("addr", ours.toString()), WAIT);
      assertThat(ping.get("rtt").asDouble()).isGreaterThanOrEqualTo(0);
    }
    assertThat(awaitIdentify(js.peerId()).agentVersion()).startsWith("js-libp2p/");
    assertThat(host.ping(js.peerId()).get(10, TimeUnit.SECONDS)).isPositive();
  }

  @Test
  void jsLearnsOurNewProtocolsThroughIdentifyPush() throws Exception {
    JsPeer js = js();
    PeerId remote = host.dial(js.address()).get(10, TimeUnit.SECONDS);
    awaitIdentify(remote);
    host.handle("/rhizome/pushed/1.0.0", stream -> (s, d) -> {});
    js.awaitEvent(
        e ->
            e.path("event").asText().equals("peer-update")
                && e.path("peer").asText().equals(host.peerId().toBase58())
                && e.path("protocols").toString().contains("/rhizome/pushed/1.0.0"),
        WAIT);
  }

  @Test
  void jsDialsJavaOverIpv6() throws Exception {
    JsPeer js = js();
    Multiaddr ip6 =
        host.listenAddresses().stream()
            .filter(a -> a.toString().startsWith("/ip6/"))
            .findFirst()
            .orElseThrow();
    JsonNode ping = js.command("ping", Map.of("addr", ip6.toString()), WAIT);
    assertThat(ping.get("rtt").asDouble()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void dialingWithWrongPeerIdIsRefused() throws Exception {
    JsPeer js = js();
    PeerId impostor = PrivateKey.generate(new SecureRandom()).peerId();
    Multiaddr wrong = js.address().withPeerId(impostor);
    assertThat(host.dial(wrong)).failsWithin(10, TimeUnit.SECONDS);
    assertThat(host.connectedPeers()).doesNotContain(js.peerId(), impostor);
  }

  @Test
  void connectionSurvivesJsConnectionMonitor() throws Exception {
    JsPeer js = js();
    PeerId remote = host.dial(js.address()).get(10, TimeUnit.SECONDS);
    // js pings every connection every 10 s and kills those whose ping fails; outlive two rounds.
    long until = System.nanoTime() + Duration.ofSeconds(21).toNanos();
    while (System.nanoTime() < until) {
      assertThat(host.connectedPeers()).contains(remote);
      Thread.sleep(1000);
    }
    assertThat(js.events(e -> e.path("event").asText().equals("disconnect"))).isEmpty();
    assertThat(host.ping(remote).get(10, TimeUnit.SECONDS)).isPositive();
  }

  private IdentifyInfo awaitIdentify(PeerId peer) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      var info = host.identifyInfo(peer);
      if (info.isPresent()) {
        return info.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no identify from " + peer);
  }
}
