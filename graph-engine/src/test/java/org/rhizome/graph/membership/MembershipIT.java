package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeChain;
import org.rhizome.graph.change.ChangeDraft;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;

/** Who may write to a members-only workspace, checked on real replicas exchanging real changes. */
class MembershipIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  final List<Workspace> open = new ArrayList<>();
  Workspace alice;

  @BeforeEach
  void found() throws Exception {
    alice =
        keep(
            Workspace.create(
                dir.resolve("alice.db"), DeviceKey.generate(random), "Team notes", "Alice"));
  }

  @AfterEach
  void closeAll() {
    open.forEach(Workspace::close);
  }

  Workspace keep(Workspace ws) {
    open.add(ws);
    return ws;
  }

  Workspace replica(String name, DeviceKey key) throws Exception {
    return keep(Workspace.openToJoin(dir.resolve(name + ".db"), alice.id(), key));
  }

  /** Everything {@code from} has that {@code to} lacks; returns the results. */
  static List<ApplyResult> sync(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    return missing.isEmpty() ? List.of() : to.applyRemote(missing);
  }

  Workspace joined(String name, Grant grant) throws Exception {
    return joined(name, grant, DeviceKey.generate(random));
  }

  Workspace joined(String name, Grant grant, DeviceKey key) throws Exception {
    InviteKey invite = alice.membership().createInviteAsync(grant, Duration.ofDays(7)).get();
    Workspace ws = replica(name, key);
    sync(alice, ws);
    ws.membership().join(invite, name);
    assertThat(sync(ws, alice)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    return ws;
  }

  @Test
  void theFounderIsTheFirstMemberAndTheIdProvesIt() throws Exception {
    assertThat(alice.membership().mode()).isEqualTo(MembershipMode.MEMBERS);
    assertThat(alice.membership().workspaceName()).isEqualTo("Team notes");
    assertThat(alice.membership().members())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.device()).isEqualTo(alice.actor());
              assertThat(m.person()).isEqualTo(alice.actor());
              assertThat(m.name()).isEqualTo("Alice");
              assertThat(m.founder()).isTrue();
            });
    assertThat(alice.membership().canWrite()).isTrue();
  }

  @Test
  void aJoiningDeviceReadsAtOnceAndWritesOnceItHasJoined() throws Exception {
    InviteKey invite = alice.membership().createInviteAsync(Grant.MEMBER, Duration.ofDays(7)).get();
    alice.createNote("Agenda", "Monday");
    Workspace bob = replica("bob", DeviceKey.generate(random));
    assertThat(sync(alice, bob)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    assertThat(bob.digest()).isEqualTo(alice.digest());
    assertThat(bob.membership().canWrite()).isFalse();
    assertThatThrownBy(() -> bob.createNote("Mine", "x")).isInstanceOf(NotAllowedException.class);

    bob.membership().join(invite, "Bob");
    assertThat(bob.membership().canWrite()).isTrue();
    Soul note = bob.createNote("Mine", "hello");
    assertThat(sync(bob, alice)).hasSize(2).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    assertThat(alice.findNote(note)).isPresent();
    assertThat(alice.membership().memberName(bob.actor())).contains("Bob");
    assertThat(alice.membership().members())
        .extracting(Member::name)
        .containsExactly("Alice", "Bob");
    assertThat(alice.digest()).isEqualTo(bob.digest());
  }

  @Test
  void aNonMembersChangesAreRefusedEverywhere() throws Exception {
    DeviceKey mallory = DeviceKey.generate(random);
    // Mallory writes in a replica of her own that does not check membership, then offers it.
    Workspace forged =
        keep(
            Workspace.open(
                dir.resolve("mallory.db"),
                alice.id(),
                MembershipMode.OPEN,
                mallory,
                System::currentTimeMillis));
    forged.createNote("Spam", "buy now");
    Workspace bob = joined("bob", Grant.MEMBER);
    for (Workspace victim : List.of(alice, bob)) {
      List<ApplyResult> results = sync(forged, victim);
      assertThat(results)
          .first()
          .satisfies(
              r -> assertThat(r.reason()).as(r.detail()).isEqualTo(RefusalReason.NOT_ALLOWED));
      assertThat(victim.versionVector().get(mallory.actor())).isZero();
    }
  }

  @Test
  void aForgedGenesisForSomeoneElsesWorkspaceIsRefused() throws Exception {
    DeviceKey mallory = DeviceKey.generate(random);
    WorkspaceGenesis own = WorkspaceGenesis.create(mallory.actor(), random);
    Change change = new ChangeChain(alice.id(), mallory).next(1, own.ops("Team notes", "Alice"));
    ApplyResult r = alice.applyRemote(change.encoded());
    assertThat(r.reason()).as(r.detail()).isEqualTo(RefusalReason.NOT_ALLOWED);
  }

  @Test
  void aJoinNeedsARegisteredInviteAndItsRealKey() throws Exception {
    DeviceKey mallory = DeviceKey.generate(random);
    InviteKey unregistered = InviteKey.generate(random, Grant.MEMBER);
    Change c1 =
        new ChangeChain(alice.id(), mallory)
            .next(1, unregistered.joinOps(alice.id(), mallory.actor(), mallory.actor(), "M"));
    assertThat(alice.applyRemote(c1.encoded()).reason())
        .isEqualTo(RefusalReason.MISSING_DEPENDENCY);

    // A registered invite, but a certificate signed by another key.
    InviteKey real = alice.membership().createInviteAsync(Grant.MEMBER, Duration.ofDays(1)).get();
    InviteKey impostor = InviteKey.generate(random, Grant.MEMBER);
    List<Op> ops =
        new ArrayList<>(impostor.joinOps(alice.id(), mallory.actor(), mallory.actor(), "M"));
    ops.set(
        1,
        new Op.SetField(
            SystemSouls.actor(mallory.actor()),
            SystemSouls.INVITE,
            Value.of(real.publicKey().hex())));
    Change c2 = new ChangeChain(alice.id(), mallory).next(1, ops);
    assertThat(alice.applyRemote(c2.encoded()).reason()).isEqualTo(RefusalReason.NOT_ALLOWED);

    // Claiming to be another person with a member invite.
    Change c3 =
        new ChangeChain(alice.id(), mallory)
            .next(1, real.joinOps(alice.id(), mallory.actor(), alice.actor(), "Alice too"));
    assertThat(alice.applyRemote(c3.encoded()).reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
    assertThat(alice.membership().members()).hasSize(1);
  }

  @Test
  void anExpiredOrRevokedInviteAdmitsNobody() throws Exception {
    InviteKey expired =
        alice.membership().createInviteAsync(Grant.MEMBER, Duration.ofMillis(-1)).get();
    Workspace bob = replica("bob", DeviceKey.generate(random));
    sync(alice, bob);
    assertThatThrownBy(() -> bob.membership().join(expired, "Bob"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("expired");

    InviteKey revoked =
        alice.membership().createInviteAsync(Grant.MEMBER, Duration.ofDays(1)).get();
    alice.commit(
        List.of(
            new Op.SetField(
                SystemSouls.invite(revoked.publicKey()), SystemSouls.REVOKED, Value.of(true))));
    sync(alice, bob);
    assertThatThrownBy(() -> bob.membership().join(revoked, "Bob"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("revoked");
    assertThat(bob.versionVector().get(bob.actor())).isZero();
  }

  @Test
  void aProtectedNodeIsEditedOnlyByItsOwnersDevices() throws Exception {
    Soul page = SystemSouls.owned(alice.actor(), "handbook");
    alice.commit(List.of(new Op.SetField(page, "title", Value.of("Handbook"))));
    DeviceKey bobsKey = DeviceKey.generate(random);
    Workspace bob = joined("bob", Grant.MEMBER, bobsKey);
    Workspace laptop = joined("alice-laptop", Grant.DEVICE);
    sync(alice, bob);
    sync(alice, laptop);
    assertThat(laptop.membership().member(laptop.actor()).orElseThrow().person())
        .isEqualTo(alice.actor());

    assertThatThrownBy(
            () -> bob.commit(List.of(new Op.SetField(page, "title", Value.of("Mine now")))))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("protected");
    Change edit = laptop.commit(List.of(new Op.SetField(page, "title", Value.of("Handbook v2"))));
    assertThat(alice.applyRemote(edit.encoded()).status()).isEqualTo(ApplyResult.Status.APPLIED);
    assertThat(alice.node(page).get("title")).isEqualTo(Value.of("Handbook v2"));

    // Bob's forged edit, signed correctly as his next change, is refused by Alice.
    List<StoredChange> bobs =
        bob.changesSince(
            VersionVector.EMPTY
                .with(alice.actor(), Long.MAX_VALUE)
                .with(laptop.actor(), Long.MAX_VALUE),
            0,
            10);
    Change last = org.rhizome.graph.change.ChangeCodec.decode(bobs.get(bobs.size() - 1).bytes());
    Change forged =
        Change.sign(
            new ChangeDraft(
                alice.id(),
                bob.actor(),
                last.seq() + 1,
                last.hash(),
                last.hlc() + 1,
                alice.versionVector().without(bob.actor()),
                List.of(new Op.SetField(page, "title", Value.of("x")))),
            bobsKey);
    assertThat(alice.applyRemote(forged.encoded()).reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
  }

  @Test
  void aProtectedNoteIsReadByAllAndEditedOnlyByItsOwner() throws Exception {
    Soul handbook = alice.createProtectedNoteAsync("", "Handbook", "Rules of the house").get();
    assertThat(Workspace.ownerOf(handbook)).contains(alice.actor());
    Workspace bob = joined("bob", Grant.MEMBER);
    sync(alice, bob);
    assertThat(bob.findNote(handbook).orElseThrow().body()).isEqualTo("Rules of the house");
    assertThat(bob.search("house", 10)).isNotEmpty();
    assertThatThrownBy(() -> bob.editBody(handbook, "Bob's rules"))
        .isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(() -> bob.renameNote(handbook, "Mine"))
        .isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(() -> bob.deleteNote(handbook)).isInstanceOf(NotAllowedException.class);
    alice.editBody(handbook, "Rules of the house, v2");
    sync(alice, bob);
    assertThat(bob.findNote(handbook).orElseThrow().body()).isEqualTo("Rules of the house, v2");
    assertThat(bob.digest()).isEqualTo(alice.digest());
  }

  @Test
  void reservedNodesTakeOnlyTheirOwnFields() throws Exception {
    Workspace bob = joined("bob", Grant.MEMBER);
    assertThatThrownBy(
            () ->
                bob.commit(
                    List.of(
                        new Op.SetField(
                            SystemSouls.actor(alice.actor()), SystemSouls.NAME, Value.of("Eve")))))
        .isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(
            () ->
                bob.commit(
                    List.of(
                        new Op.SetField(
                            SystemSouls.actor(bob.actor()),
                            SystemSouls.PERSON,
                            Value.of(alice.actor().hex())))))
        .isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(
            () -> bob.commit(List.of(new Op.SetField(new Soul("sys.anything"), "x", Value.of(1)))))
        .isInstanceOf(NotAllowedException.class);
    bob.membership().setMyNameAsync("Robert").get();
    sync(bob, alice);
    assertThat(alice.membership().memberName(bob.actor())).contains("Robert");
    VersionVector before = alice.versionVector();
    assertThat(sync(bob, alice)).isEmpty();
    assertThat(alice.versionVector()).isEqualTo(before);
  }
}
