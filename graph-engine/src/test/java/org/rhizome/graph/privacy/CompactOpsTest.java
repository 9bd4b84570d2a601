package org.rhizome.graph.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.SealedOps;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.TextId;

/**
 * Sealed payloads of version 2 (decision 0012) hold the same ops as version 1 in fewer bytes, and
 * payloads of version 1 — every sealed change stored before — still open.
 */
class CompactOpsTest {
  final SecureRandom random = new SecureRandom();
  final WorkspaceId ws = WorkspaceId.of(new byte[16]);
  final DeviceKey aliceKey = DeviceKey.generate(random);
  final ActorId alice = aliceKey.actor();
  final Soul note = PrivateSouls.privateNote(alice, "01HZZZZZZZZZZZZZZZZZZZZZZZ");
  final KeyId id = KeyId.random(random);
  final byte[] key = NoteCrypto.newKey(random);

  List<Op> noteOps(Soul soul) {
    return List.of(
        new Op.SetField(soul, "title", Value.of("Plans for the offsite")),
        new Op.SetField(soul, "modified", Value.of(1.7e12)),
        new Op.TextEdit(
            soul,
            "body",
            List.of(new InsertOp(new TextId(alice, 0), null, null, "Met [[Bob]] about #budget"))));
  }

  @Test
  void aPrivateNotesOpsRoundTripWithoutTheirSoul() throws Exception {
    List<Op> ops = noteOps(note);
    byte[] compact = CompactOps.encode(alice, note, ops);
    assertThat(CompactOps.decode(alice, note, compact)).isEqualTo(ops);
    byte[] first = SealedOps.encode(alice, ops);
    assertThat(compact.length).isLessThan(first.length - 2 * note.value().length());
    // Ops on another soul are not sealed under a note's key.
    Soul other = new Soul("plain1");
    assertThatThrownBy(() -> CompactOps.encode(alice, note, noteOps(other)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEpochsOpsRoundTripWithEachSoulOnceAndANotesSealedOpAsBytes() throws Exception {
    KeyRing ring = new KeyRing(ws, aliceKey, random);
    Op.SetField privateOp = ring.seal(note, id, key, 4, noteOps(note));
    Soul plain = new Soul("01HXXXXXXXXXXXXXXXXXXXXXXX");
    List<Op> ops = new java.util.ArrayList<>(noteOps(plain));
    ops.add(privateOp);
    // a "sealed" field whose value is not canonical base64 stays a plain string
    ops.add(new Op.SetField(plain, PrivateSouls.SEALED, Value.of("not base64!")));
    byte[] compact = CompactOps.encode(alice, null, ops);
    assertThat(CompactOps.decode(alice, null, compact)).isEqualTo(ops);
    String b64 = ((Value.Str) privateOp.value()).value();
    assertThat(compact.length)
        .isLessThan(SealedOps.encode(alice, ops).length - (b64.length() - b64.length() * 3 / 4));
    // The note's sealed op opened from inside the epoch's: the same ops.
    Op.SetField back = (Op.SetField) CompactOps.decode(alice, null, compact).get(3);
    assertThat(KeyRing.open(ws, alice, 4, note, key, ((Value.Str) back.value()).value()))
        .isEqualTo(noteOps(note));
  }

  @Test
  void malformedCompactOpsAreRefused() {
    // no soul named and none implied
    byte[] noSoul = CompactOps.encode(alice, note, noteOps(note));
    assertThatThrownBy(() -> CompactOps.decode(alice, null, noSoul))
        .isInstanceOf(MalformedChangeException.class);
    // a soul index past the table
    byte[] bad = CompactOps.encode(alice, null, List.of(new Op.SetField(note, "t", Value.of(1.0))));
    byte[] tampered = bad.clone();
    tampered[2 + note.value().length() + 2] = 5; // the op's soul index
    assertThatThrownBy(() -> CompactOps.decode(alice, null, tampered))
        .isInstanceOf(MalformedChangeException.class);
    // trailing bytes
    byte[] longer = java.util.Arrays.copyOf(bad, bad.length + 1);
    assertThatThrownBy(() -> CompactOps.decode(alice, null, longer))
        .isInstanceOf(MalformedChangeException.class);
  }

  @Test
  void payloadsSealedTheFirstWayStillOpen() throws Exception {
    // A private note's sealed op and an epoch's sealed content as version 1 wrote them.
    List<Op> ops = noteOps(note);
    String first =
        NoteCrypto.seal(ws, alice, 9, note, id, key, SealedOps.encode(alice, ops), random);
    assertThat(NoteCrypto.versionOf(first)).isEqualTo(1);
    assertThat(NoteCrypto.keyOf(first)).isEqualTo(id);
    assertThat(KeyRing.open(ws, alice, 9, note, key, first)).isEqualTo(ops);
    Soul plain = new Soul("01HXXXXXXXXXXXXXXXXXXXXXXX");
    List<Op> epochOps = noteOps(plain);
    String firstEpoch =
        NoteCrypto.seal(
            ws, alice, 9, EpochKeys.EPOCH, id, key, SealedOps.encode(alice, epochOps), random);
    assertThat(EpochKeys.open(ws, alice, 9, key, firstEpoch)).isEqualTo(epochOps);
    // and what this code seals now is version 2, shorter, and opens the same
    KeyRing ring = new KeyRing(ws, aliceKey, random);
    String now = ((Value.Str) ring.seal(note, id, key, 9, ops).value()).value();
    assertThat(NoteCrypto.versionOf(now)).isEqualTo(NoteCrypto.COMPACT);
    assertThat(now.length()).isLessThan(first.length());
    assertThat(KeyRing.open(ws, alice, 9, note, key, now)).isEqualTo(ops);
    String nowEpoch =
        ((Value.Str) EpochKeys.seal(ws, alice, 9, id, key, epochOps, random).value()).value();
    assertThat(NoteCrypto.versionOf(nowEpoch)).isEqualTo(NoteCrypto.COMPACT);
    assertThat(EpochKeys.open(ws, alice, 9, key, nowEpoch)).isEqualTo(epochOps);
  }

  @Test
  void aPayloadsVersionIsBoundToItsCiphertext() {
    KeyRing ring = new KeyRing(ws, aliceKey, random);
    String now = ((Value.Str) ring.seal(note, id, key, 9, noteOps(note)).value()).value();
    byte[] raw = Base64.getDecoder().decode(now);
    raw[0] = 1; // claimed to be of version 1: its associated data differs, it does not open
    String relabelled = Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> KeyRing.open(ws, alice, 9, note, key, relabelled))
        .isInstanceOf(SealException.class);
  }
}
