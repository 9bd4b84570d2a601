package org.rhizome.sync.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.pnet.PreSharedKey;

/** Private networks (/key/swarm/psk/1.0.0/) against js-libp2p's @libp2p/pnet. */
@Tag("interop")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PnetInteropIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static byte[] randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  private static Host host(byte[] psk) throws Exception {
    return Host.start(
        HostConfig.builder(PrivateKey.generate(new SecureRandom()))
            .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
            .psk(PreSharedKey.of(psk))
            .build());
  }

  private static JsPeer js(byte[] psk) throws Exception {
    return JsPeer.start(JsPeer.options().put("psk", HexFormat.of().formatHex(psk)));
  }

  @Test
  void matchingKeysConnectBothWays() throws Exception {
    byte[] psk = randomKey();
    try (Host host = host(psk);
        JsPeer js = js(psk)) {
      assertThat(host.dial(js.address()).get(10, TimeUnit.SECONDS)).isEqualTo(js.peerId());
      assertThat(host.ping(js.peerId()).get(10, TimeUnit.SECONDS)).isPositive();
      host.disconnect(js.peerId());
      js.awaitEvent(e -> e.path("event").asText().equals("disconnect"), WAIT);
      JsonNode ping =
          js.command("ping", Map.of("addr", host.listenAddresses().get(0).toString()), WAIT);
      assertThat(ping.get("rtt").asDouble()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void wrongKeyIsRefusedBothWays() throws Exception {
    try (Host host = host(randomKey());
        JsPeer js = js(randomKey())) {
      assertThat(host.dial(js.address())).failsWithin(12, TimeUnit.SECONDS);
      JsonNode reply =
          js.tryCommand("dial", Map.of("addr", host.listenAddresses().get(0).toString()), WAIT);
      assertThat(reply.get("ok").asBoolean()).isFalse();
      assertThat(host.connectedPeers()).isEmpty();
    }
  }

  @Test
  void privateHostRefusesPublicPeer() throws Exception {
    try (Host host = host(randomKey());
        JsPeer js = JsPeer.start()) {
      assertThat(host.dial(js.address())).failsWithin(12, TimeUnit.SECONDS);
      assertThat(host.connectedPeers()).isEmpty();
    }
  }
}
