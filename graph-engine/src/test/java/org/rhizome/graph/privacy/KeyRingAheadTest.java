package org.rhizome.graph.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;

/**
 * What the verifying threads unwrap and open ahead is handed to the writer only for exactly the
 * inputs that made it, and teaches the ring nothing by itself.
 */
class KeyRingAheadTest {
  final SecureRandom random = new SecureRandom();
  final WorkspaceId ws = WorkspaceId.of(new byte[16]);
  final DeviceKey aliceKey = DeviceKey.generate(random);
  final DeviceKey bobKey = DeviceKey.generate(random);
  final KeyRing alice = new KeyRing(ws, aliceKey, random);
  final KeyRing bob = new KeyRing(ws, bobKey, random);
  final Soul note = PrivateSouls.privateNote(aliceKey.actor(), "01HZZZZZZZZZZZZZZZZZZZZZZZ");
  final KeyId id = KeyId.random(random);
  final byte[] noteKey = NoteCrypto.newKey(random);

  @Test
  void aWrapUnwrappedAheadIsLearntOnlyWhenTheWriterLearnsIt() throws Exception {
    String wrap = alice.wrapFor(note, id, noteKey, bobKey.actor());
    bob.unwrapAhead(note, id, wrap, aliceKey.actor());
    assertThat(bob.key(note, id)).isEmpty(); // the writer has not learnt it
    assertThat(bob.keyAhead(note, id)).hasValue(noteKey);
    assertThat(bob.learn(note, id, wrap, aliceKey.actor())).isEqualTo(noteKey);
    assertThat(bob.key(note, id)).hasValue(noteKey);
  }

  @Test
  void aTamperedOrMisplacedWrapIsStillRefusedByTheWriter() {
    String wrap = alice.wrapFor(note, id, noteKey, bobKey.actor());
    byte[] raw = Base64.getDecoder().decode(wrap);
    raw[40] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(raw);
    bob.unwrapAhead(note, id, tampered, aliceKey.actor()); // fails quietly
    assertThat(bob.keyAhead(note, id)).isEmpty();
    assertThatThrownBy(() -> bob.learn(note, id, tampered, aliceKey.actor()))
        .isInstanceOf(SealException.class);
    // Opened ahead for this note, the same wrap copied to another note does not open there.
    bob.unwrapAhead(note, id, wrap, aliceKey.actor());
    Soul other = PrivateSouls.privateNote(aliceKey.actor(), "01HYYYYYYYYYYYYYYYYYYYYYYY");
    assertThatThrownBy(() -> bob.learn(other, id, wrap, aliceKey.actor()))
        .isInstanceOf(SealException.class);
    assertThat(bob.key(other, id)).isEmpty();
  }

  @Test
  void aWrapUnwrappedAheadIsHandedOutOnlyForTheDeviceThatWroteIt() throws Exception {
    String wrap = alice.wrapFor(note, id, noteKey, bobKey.actor());
    bob.unwrapAhead(note, id, wrap, aliceKey.actor());
    // The same bytes in a change by another device: not the key kept ahead, and they do not open.
    ActorId carol = DeviceKey.generate(random).actor();
    assertThatThrownBy(() -> bob.learn(note, id, wrap, carol)).isInstanceOf(SealException.class);
    assertThat(bob.key(note, id)).isEmpty();
  }

  @Test
  void aWrapOfTheFirstFormStillOpens() throws Exception {
    // Decision 0008's wrap (an ephemeral key per wrap), as changes stored before 0012 carry it.
    String old =
        NoteCrypto.wrap(ws, PrivateSouls.sealOf(note), id, noteKey, bobKey.actor(), random);
    assertThat(NoteCrypto.isPairwise(old)).isFalse();
    assertThat(NoteCrypto.looksLikeWrap(old)).isTrue();
    assertThat(bob.learn(note, id, old, aliceKey.actor())).isEqualTo(noteKey);
    // and a new one is the pairwise form, a third shorter
    String wrap = alice.wrapFor(note, id, noteKey, bobKey.actor());
    assertThat(NoteCrypto.isPairwise(wrap)).isTrue();
    assertThat(NoteCrypto.looksLikeWrap(wrap)).isTrue();
    assertThat(wrap.length()).isLessThan(old.length() * 3 / 4);
  }

  @Test
  void anEpochsContentOpenedAheadIsTakenOnlyForTheSameChangeAndKey() throws Exception {
    Soul plain = new Soul("01HXXXXXXXXXXXXXXXXXXXXXXX");
    List<Op> ops = List.of(new Op.SetField(plain, "title", Value.of("Plans")));
    String payload =
        ((Value.Str) EpochKeys.seal(ws, aliceKey.actor(), 7, id, noteKey, ops, random).value())
            .value();
    assertThat(bob.openEpochAhead(aliceKey.actor(), 7, noteKey, payload)).isEqualTo(ops);
    assertThatThrownBy(() -> bob.openEpochTaking(aliceKey.actor(), 8, noteKey, payload))
        .isInstanceOf(SealException.class);
    byte[] wrongKey = NoteCrypto.newKey(random);
    assertThat(bob.openEpochAhead(aliceKey.actor(), 7, noteKey, payload)).isEqualTo(ops);
    assertThatThrownBy(() -> bob.openEpochTaking(aliceKey.actor(), 7, wrongKey, payload))
        .isInstanceOf(SealException.class);
    assertThat(bob.openEpochAhead(aliceKey.actor(), 7, noteKey, payload)).isEqualTo(ops);
    assertThat(bob.openEpochTaking(aliceKey.actor(), 7, noteKey, payload)).isEqualTo(ops);
    // a payload that does not open ahead is left for the writer to refuse
    assertThat(bob.openEpochAhead(aliceKey.actor(), 7, wrongKey, payload)).isNull();
  }

  @Test
  void opsOpenedAheadAreTakenOnlyForTheSameChangeNoteAndKey() throws Exception {
    List<Op> ops = List.of(new Op.SetField(note, "title", Value.of("Plans")));
    Op.SetField sealed = alice.seal(note, id, noteKey, 7, ops);
    String payload = ((Value.Str) sealed.value()).value();
    assertThat(bob.openAhead(aliceKey.actor(), 7, note, noteKey, payload)).isEqualTo(ops);
    // Another seq: the kept ops are not handed out; opening for real refuses it.
    assertThatThrownBy(() -> bob.openTaking(aliceKey.actor(), 8, note, noteKey, payload))
        .isInstanceOf(SealException.class);
    assertThat(bob.openAhead(aliceKey.actor(), 7, note, noteKey, payload)).isEqualTo(ops);
    byte[] wrongKey = NoteCrypto.newKey(random);
    assertThatThrownBy(() -> bob.openTaking(aliceKey.actor(), 7, note, wrongKey, payload))
        .isInstanceOf(SealException.class);
    assertThat(bob.openAhead(aliceKey.actor(), 7, note, noteKey, payload)).isEqualTo(ops);
    assertThat(bob.openTaking(aliceKey.actor(), 7, note, noteKey, payload)).isEqualTo(ops);
    // A payload that does not open ahead is left for the writer to refuse.
    assertThat(bob.openAhead(aliceKey.actor(), 7, note, wrongKey, payload)).isNull();
  }
}
