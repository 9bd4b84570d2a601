package org.rhizome.graph.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.WorkspaceId;

class NoteCryptoTest {
  final SecureRandom random = new SecureRandom();
  final WorkspaceId ws = WorkspaceId.of(new byte[16]);

  @Test
  void theX25519KeyFromAnActorIdIsTheOneItsSeedMakes() {
    for (int i = 0; i < 50; i++) {
      DeviceKey key = DeviceKey.generate(random);
      byte[] fromSeed = new byte[32];
      X25519.scalarMultBase(X25519Keys.privateKey(key.seed()), 0, fromSeed, 0);
      assertThat(X25519Keys.publicKey(key.actor())).isEqualTo(fromSeed);
    }
  }

  @Test
  void aWrapOpensOnlyForItsDeviceNoteAndKey() throws Exception {
    DeviceKey bob = DeviceKey.generate(random);
    DeviceKey carol = DeviceKey.generate(random);
    Soul note = PrivateSouls.privateNote(bob.actor(), "01HZZZZZZZZZZZZZZZZZZZZZZZ");
    Soul seal = PrivateSouls.sealOf(note);
    KeyId id = KeyId.random(random);
    byte[] noteKey = NoteCrypto.newKey(random);
    String wrap = NoteCrypto.wrap(ws, seal, id, noteKey, bob.actor(), random);
    byte[] bobX = X25519Keys.privateKey(bob.seed());
    assertThat(NoteCrypto.unwrap(ws, seal, id, bob.actor(), bobX, wrap)).isEqualTo(noteKey);
    // Another device, another key id, another note: does not open.
    byte[] carolX = X25519Keys.privateKey(carol.seed());
    assertThatThrownBy(() -> NoteCrypto.unwrap(ws, seal, id, carol.actor(), carolX, wrap))
        .isInstanceOf(SealException.class);
    assertThatThrownBy(
            () -> NoteCrypto.unwrap(ws, seal, KeyId.random(random), bob.actor(), bobX, wrap))
        .isInstanceOf(SealException.class);
    Soul other =
        PrivateSouls.sealOf(PrivateSouls.privateNote(bob.actor(), "01HYYYYYYYYYYYYYYYYYYYYYYY"));
    assertThatThrownBy(() -> NoteCrypto.unwrap(ws, other, id, bob.actor(), bobX, wrap))
        .isInstanceOf(SealException.class);
    // One flipped bit anywhere: refused.
    byte[] raw = Base64.getDecoder().decode(wrap);
    for (int i = 1; i < raw.length; i++) {
      byte[] t = raw.clone();
      t[i] ^= 1;
      String tampered = Base64.getEncoder().encodeToString(t);
      assertThatThrownBy(() -> NoteCrypto.unwrap(ws, seal, id, bob.actor(), bobX, tampered))
          .isInstanceOf(SealException.class);
    }
  }

  @Test
  void aPairwiseWrapOpensOnlyForItsDeviceNoteKeyAndWrapper() throws Exception {
    DeviceKey alice = DeviceKey.generate(random);
    DeviceKey bob = DeviceKey.generate(random);
    DeviceKey carol = DeviceKey.generate(random);
    byte[] aliceX = X25519Keys.privateKey(alice.seed());
    byte[] bobX = X25519Keys.privateKey(bob.seed());
    byte[] carolX = X25519Keys.privateKey(carol.seed());
    Soul note = PrivateSouls.privateNote(alice.actor(), "01HZZZZZZZZZZZZZZZZZZZZZZZ");
    Soul seal = PrivateSouls.sealOf(note);
    KeyId id = KeyId.random(random);
    byte[] noteKey = NoteCrypto.newKey(random);
    byte[] ab = NoteCrypto.agreement(aliceX, bob.actor());
    // Both ends of a pair agree on the same secret.
    assertThat(NoteCrypto.agreement(bobX, alice.actor())).isEqualTo(ab);
    String wrap =
        NoteCrypto.wrapPairwise(ws, seal, id, noteKey, bob.actor(), alice.actor(), ab, random);
    assertThat(NoteCrypto.looksLikeWrap(wrap)).isTrue();
    assertThat(NoteCrypto.unwrapPairwise(ws, seal, id, bob.actor(), alice.actor(), ab, wrap))
        .isEqualTo(noteKey);
    // Another reader, another key id, another note, another claimed wrapper: does not open.
    byte[] ca = NoteCrypto.agreement(carolX, alice.actor());
    assertThatThrownBy(
            () -> NoteCrypto.unwrapPairwise(ws, seal, id, carol.actor(), alice.actor(), ca, wrap))
        .isInstanceOf(SealException.class);
    assertThatThrownBy(
            () ->
                NoteCrypto.unwrapPairwise(
                    ws, seal, KeyId.random(random), bob.actor(), alice.actor(), ab, wrap))
        .isInstanceOf(SealException.class);
    Soul other =
        PrivateSouls.sealOf(PrivateSouls.privateNote(alice.actor(), "01HYYYYYYYYYYYYYYYYYYYYYYY"));
    assertThatThrownBy(
            () -> NoteCrypto.unwrapPairwise(ws, other, id, bob.actor(), alice.actor(), ab, wrap))
        .isInstanceOf(SealException.class);
    byte[] bc = NoteCrypto.agreement(bobX, carol.actor());
    assertThatThrownBy(
            () -> NoteCrypto.unwrapPairwise(ws, seal, id, bob.actor(), carol.actor(), bc, wrap))
        .isInstanceOf(SealException.class);
    // The first-form unwrap does not take it either.
    assertThatThrownBy(() -> NoteCrypto.unwrap(ws, seal, id, bob.actor(), bobX, wrap))
        .isInstanceOf(SealException.class);
    // One flipped bit anywhere: refused.
    byte[] raw = Base64.getDecoder().decode(wrap);
    for (int i = 0; i < raw.length; i++) {
      byte[] t = raw.clone();
      t[i] ^= 1;
      String tampered = Base64.getEncoder().encodeToString(t);
      assertThatThrownBy(
              () ->
                  NoteCrypto.unwrapPairwise(ws, seal, id, bob.actor(), alice.actor(), ab, tampered))
          .isInstanceOf(SealException.class);
    }
  }

  @Test
  void aSealedPayloadOpensOnlyInItsChangeAndNote() throws Exception {
    ActorId author = DeviceKey.generate(random).actor();
    Soul note = PrivateSouls.privateNote(author, "01HZZZZZZZZZZZZZZZZZZZZZZZ");
    KeyId id = KeyId.random(random);
    byte[] key = NoteCrypto.newKey(random);
    byte[] plain = "the secret words".getBytes(StandardCharsets.UTF_8);
    String sealed = NoteCrypto.seal(ws, author, 7, note, id, key, plain, random);
    assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1))
        .doesNotContain("secret");
    assertThat(NoteCrypto.keyOf(sealed)).isEqualTo(id);
    assertThat(NoteCrypto.open(ws, author, 7, note, key, sealed)).isEqualTo(plain);
    assertThatThrownBy(() -> NoteCrypto.open(ws, author, 8, note, key, sealed))
        .isInstanceOf(SealException.class);
    ActorId other = DeviceKey.generate(random).actor();
    assertThatThrownBy(() -> NoteCrypto.open(ws, other, 7, note, key, sealed))
        .isInstanceOf(SealException.class);
    assertThatThrownBy(
            () -> NoteCrypto.open(ws, author, 7, note, NoteCrypto.newKey(random), sealed))
        .isInstanceOf(SealException.class);
  }
}
