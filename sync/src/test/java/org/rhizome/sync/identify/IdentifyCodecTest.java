package org.rhizome.sync.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.peer.InvalidKeyException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.IdentifyInfo;

class IdentifyCodecTest {
  private final PrivateKey key = PrivateKey.generate(new SecureRandom());

  @Test
  void roundTripsAllFields() {
    IdentifyInfo info =
        new IdentifyInfo(
            key.publicKey(),
            List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/4001")),
            List.of("/a", "/b"),
            Multiaddr.parse("/ip6/::1/tcp/5"),
            "ipfs/0.1.0",
            "rhizome/test");
    assertThat(IdentifyCodec.decodeOver(null, IdentifyCodec.encode(info))).isEqualTo(info);
  }

  @Test
  void pushMergesOverEarlierAnswer() throws Exception {
    IdentifyInfo first =
        new IdentifyInfo(key.publicKey(), List.of(), List.of("/a"), null, "ipfs/0.1.0", "x");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream o = CodedOutputStream.newInstance(bytes);
    o.writeString(3, "/c");
    o.flush();
    IdentifyInfo merged = IdentifyCodec.decodeOver(first, bytes.toByteArray());
    assertThat(merged.protocols()).containsExactly("/c");
    assertThat(merged.publicKey()).isEqualTo(key.publicKey());
    assertThat(merged.agentVersion()).isEqualTo("x");
  }

  @Test
  void unknownAddressesAreSkippedAndUnknownFieldsIgnored() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream o = CodedOutputStream.newInstance(bytes);
    o.writeByteArray(2, new byte[] {(byte) 0xcc, 0x03, 0x01});
    o.writeByteArray(2, Multiaddr.parse("/ip4/1.2.3.4/tcp/1").toBytes());
    o.writeByteArray(8, new byte[] {1, 2, 3});
    o.flush();
    assertThat(IdentifyCodec.decodeOver(null, bytes.toByteArray()).listenAddresses())
        .containsExactly(Multiaddr.parse("/ip4/1.2.3.4/tcp/1"));
  }

  @Test
  void refusesGarbageBadKeysAndTooManyProtocols() throws Exception {
    assertThatThrownBy(() -> IdentifyCodec.decodeOver(null, new byte[] {0x1a, 0x7f}))
        .isInstanceOf(ProtocolViolationException.class);
    assertThatThrownBy(() -> IdentifyCodec.decodeOver(null, new byte[] {0x0a, 0x02, 0x08, 0x05}))
        .isInstanceOf(InvalidKeyException.class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream o = CodedOutputStream.newInstance(bytes);
    for (int i = 0; i <= IdentifyCodec.MAX_PROTOCOLS; i++) {
      o.writeString(3, "/p" + i);
    }
    o.flush();
    assertThatThrownBy(() -> IdentifyCodec.decodeOver(null, bytes.toByteArray()))
        .isInstanceOf(ProtocolViolationException.class);
  }

  @Test
  void randomBytesOnlyThrowTypedExceptions() {
    java.util.Random random = new java.util.Random(12);
    for (int i = 0; i < 3000; i++) {
      byte[] input = new byte[random.nextInt(80)];
      random.nextBytes(input);
      try {
        IdentifyCodec.decodeOver(null, input);
      } catch (ProtocolViolationException e) {
        // refused
      }
    }
  }
}
