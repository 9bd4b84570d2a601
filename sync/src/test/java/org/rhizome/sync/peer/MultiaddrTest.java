package org.rhizome.sync.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultiaddrTest {
  private static final String ID = "12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB";

  /** Bytes of /ip6/::1/tcp/4001/p2p/ID from @multiformats/multiaddr 13.0.3. */
  private static final String JS_IP6_BYTES =
      "2900000000000000000000000000000001060fa1a5032600240801122003a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";

  @Test
  void binaryFormMatchesJsMultiaddr() {
    Multiaddr m = Multiaddr.parse("/ip6/::1/tcp/4001/p2p/" + ID);
    assertThat(HexFormat.of().formatHex(m.toBytes())).isEqualTo(JS_IP6_BYTES);
    assertThat(Multiaddr.fromBytes(HexFormat.of().parseHex(JS_IP6_BYTES))).isEqualTo(m);
    assertThat(m.toString()).isEqualTo("/ip6/::1/tcp/4001/p2p/" + ID);
  }

  @Test
  void textRoundTripsForIp4Dns4AndIpfsAlias() {
    assertThat(Multiaddr.parse("/ip4/127.0.0.1/tcp/0").toString())
        .isEqualTo("/ip4/127.0.0.1/tcp/0");
    assertThat(Multiaddr.parse("/dns4/example.org/tcp/443").toString())
        .isEqualTo("/dns4/example.org/tcp/443");
    assertThat(Multiaddr.parse("/ip4/10.0.0.1/tcp/1/ipfs/" + ID).toString())
        .isEqualTo("/ip4/10.0.0.1/tcp/1/p2p/" + ID);
    assertThat(Multiaddr.parse("/ip6/fe80::1:2/tcp/5").toString())
        .isEqualTo("/ip6/fe80::1:2/tcp/5");
  }

  @Test
  void peerIdIsAddedStrippedAndRead() {
    Multiaddr m = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");
    PeerId id = PeerId.parse(ID);
    assertThat(m.withPeerId(id).peerId()).contains(id);
    assertThat(m.withPeerId(id).withoutPeerId()).isEqualTo(m);
    assertThat(m.peerId()).isEmpty();
  }

  @Test
  void socketAddressConversionGoesBothWays() {
    InetSocketAddress a = new InetSocketAddress("127.0.0.1", 4001);
    assertThat(Multiaddr.fromSocketAddress(a).toSocketAddress()).isEqualTo(a);
    assertThat(Multiaddr.fromSocketAddress(a).toString()).isEqualTo("/ip4/127.0.0.1/tcp/4001");
  }

  @Test
  void parseRejectsMalformedText() {
    for (String bad :
        new String[] {
          "",
          "ip4/1.2.3.4",
          "/ip4/1.2.3",
          "/ip4/1.2.3.4/tcp",
          "/ip4/1.2.3.4/tcp/70000",
          "/ip4/1.2.3.4/tcp/-1",
          "/quic/1",
          "/ip6/1.2.3.4",
          "/p2p/notapeerid",
          "/ip4/999.1.1.1",
          "/ip4/a.b.c.d"
        }) {
      assertThatThrownBy(() -> Multiaddr.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidMultiaddrException.class);
    }
  }

  @Test
  void fromBytesRejectsTruncatedAndUnknown() {
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[] {4, 127, 0}))
        .isInstanceOf(InvalidMultiaddrException.class);
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[] {(byte) 0xa5, 3, 50, 1}))
        .isInstanceOf(InvalidMultiaddrException.class);
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[] {99}))
        .isInstanceOf(InvalidMultiaddrException.class);
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[] {(byte) 0x80}))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[0]))
        .isInstanceOf(InvalidMultiaddrException.class);
  }
}
