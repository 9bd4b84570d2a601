package org.rhizome.sync.pnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;

/**
 * Decision 0009's network half on real hosts over loopback: a listener that accepts the current and
 * an older network key lets in a dialer on either (found from multistream's header), refuses one on
 * a key it does not know, and once it accepts only the current key, refuses the older.
 */
@Timeout(60)
class PnetRotationIT {
  static final SecureRandom RANDOM = new SecureRandom();

  private static PreSharedKey key() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return PreSharedKey.of(b);
  }

  private static Host host(PreSharedKey psk) throws Exception {
    return Host.start(
        HostConfig.builder(PrivateKey.generate(RANDOM))
            .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
            .psk(psk)
            .build());
  }

  private static PeerId dial(Host from, Host to) throws Exception {
    return from.dial(to.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aListenerAcceptsTheKeysItListsAndNoOther() throws Exception {
    PreSharedKey old = key();
    PreSharedKey current = key();
    try (Host listener = host(old);
        Host onOld = host(old);
        Host onCurrent = host(current);
        Host stranger = host(key())) {
      listener.useNetworkKeys(NetworkKeys.of(current, List.of(old)));
      assertThat(dial(onOld, listener)).isEqualTo(listener.peerId());
      assertThat(dial(onCurrent, listener)).isEqualTo(listener.peerId());
      assertThatThrownBy(() -> dial(stranger, listener)).isNotNull();

      // Everyone moved: the older key is retired; a new connection on it fails, the current works.
      listener.useNetworkKeys(NetworkKeys.of(current));
      try (Host lateOld = host(old);
          Host lateCurrent = host(current)) {
        assertThatThrownBy(() -> dial(lateOld, listener)).isNotNull();
        assertThat(dial(lateCurrent, listener)).isEqualTo(listener.peerId());
      }
      // ... and the listener dials with the current key.
      try (Host other = host(current)) {
        assertThat(dial(listener, other)).isEqualTo(other.peerId());
      }
    }
  }
}
