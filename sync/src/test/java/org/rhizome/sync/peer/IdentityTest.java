package org.rhizome.sync.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Vectors produced by @libp2p/crypto 5.1.23 and @libp2p/peer-id 6.0.15 from the seed 00 01 … 1f.
 */
class IdentityTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String JS_PRIVATE_KEY =
      "08011240000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
          + "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
  private static final String JS_PEER_ID = "12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB";
  private static final String JS_SIGNATURE_OF_HELLO =
      "e1a7fca94a835127885b99e2eba733d6ee5bf5dc463ed8385eb6f1dcaa1117c0"
          + "f151750a10f46f5b3796a91203578f702c85c67c334b5689a516284d499f710f";

  private static PrivateKey seededKey() {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    return PrivateKey.fromSeed(seed);
  }

  @Test
  void privateKeyMarshalsLikeJsLibp2p() {
    assertThat(HEX.formatHex(seededKey().marshal())).isEqualTo(JS_PRIVATE_KEY);
    assertThat(PrivateKey.unmarshal(HEX.parseHex(JS_PRIVATE_KEY)).peerId())
        .isEqualTo(seededKey().peerId());
  }

  @Test
  void peerIdMatchesJsLibp2p() {
    assertThat(seededKey().peerId().toBase58()).isEqualTo(JS_PEER_ID);
    assertThat(PeerId.parse(JS_PEER_ID)).isEqualTo(seededKey().peerId());
  }

  @Test
  void peerIdInlinesTheEd25519Key() {
    PrivateKey key = seededKey();
    assertThat(key.peerId().extractPublicKey()).contains(key.publicKey());
    assertThat(key.peerId().toBytes()).startsWith(0x00, 0x24, 0x08, 0x01, 0x12, 0x20);
  }

  @Test
  void signatureIsDeterministicEd25519() {
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    assertThat(HEX.formatHex(seededKey().sign(hello))).isEqualTo(JS_SIGNATURE_OF_HELLO);
    assertThat(seededKey().publicKey().verify(hello, HEX.parseHex(JS_SIGNATURE_OF_HELLO))).isTrue();
  }

  @Test
  void verifyRejectsTamperedSignatureAndWrongLength() {
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = HEX.parseHex(JS_SIGNATURE_OF_HELLO);
    sig[5] ^= 1;
    assertThat(seededKey().publicKey().verify(hello, sig)).isFalse();
    assertThat(seededKey().publicKey().verify(hello, new byte[63])).isFalse();
  }

  @Test
  void publicKeyRoundTripsThroughProtobuf() {
    PublicKey pub = PrivateKey.generate(new SecureRandom()).publicKey();
    assertThat(PublicKey.unmarshal(pub.marshal())).isEqualTo(pub);
  }

  @Test
  void unmarshalRejectsOtherKeyTypesAndGarbage() {
    assertThatThrownBy(() -> PublicKey.unmarshal(HEX.parseHex("0802122001")))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> PublicKey.unmarshal(HEX.parseHex("080112ff")))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> PublicKey.unmarshal(HEX.parseHex("0801121f" + "00".repeat(31))))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> PublicKey.unmarshal(new byte[2000]))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void privateKeyRejectsMismatchedPublicHalf() {
    byte[] bad = HEX.parseHex(JS_PRIVATE_KEY);
    bad[bad.length - 1] ^= 1;
    assertThatThrownBy(() -> PrivateKey.unmarshal(bad)).isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void peerIdParseRejectsBadText() {
    assertThatThrownBy(() -> PeerId.parse("12D3KooW0OIl"))
        .isInstanceOf(InvalidPeerIdException.class);
    assertThatThrownBy(() -> PeerId.parse("")).isInstanceOf(InvalidPeerIdException.class);
    assertThatThrownBy(() -> PeerId.parse("1111")).isInstanceOf(InvalidPeerIdException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(HEX.parseHex("0005aabb")))
        .isInstanceOf(InvalidPeerIdException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(HEX.parseHex("1102aabb")))
        .isInstanceOf(InvalidPeerIdException.class);
  }

  @Test
  void sha256PeerIdsOfLongKeysParse() {
    byte[] mh = new byte[34];
    mh[0] = 0x12;
    mh[1] = 32;
    PeerId id = PeerId.fromBytes(mh);
    assertThat(PeerId.parse(id.toBase58())).isEqualTo(id);
    assertThat(id.extractPublicKey()).isEmpty();
  }
}
