package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;

/** Readers, writers and admins (decision 0007), on real replicas exchanging real changes. */
class RolesIT {
  @TempDir Path dir;
  Team team;
  Workspace alice;

  @BeforeEach
  void found() throws Exception {
    team = new Team(dir);
    alice = team.alice;
  }

  @AfterEach
  void close() {
    team.close();
  }

  static Throwable cause(Throwable t) {
    return t.getCause() != null && !(t instanceof NotAllowedException) ? t.getCause() : t;
  }

  @Test
  void theFounderIsAdminAndAnInviteNamesTheRoleItGrants() throws Exception {
    assertThat(alice.membership().myRole()).contains(Role.ADMIN);
    Workspace reader = team.join(alice, "Rita", Role.READER);
    Workspace writer = team.join(alice, "Walt", Role.WRITER);
    assertThat(reader.membership().myRole()).contains(Role.READER);
    assertThat(writer.membership().myRole()).contains(Role.WRITER);
    assertThat(alice.membership().role(reader.actor())).contains(Role.READER);
    // A device invite gives the inviter's person's role.
    Workspace readerPhone = team.joinDevice(alice, "Rita phone");
    assertThat(readerPhone.membership().myRole()).contains(Role.ADMIN);
    assertThat(alice.membership().people())
        .extracting(p -> p.name() + ":" + p.role().map(Role::wireName).orElse("-"))
        .containsExactlyInAnyOrder("Alice:admin", "Rita:reader", "Walt:writer");
  }

  @Test
  void aReadersEditIsRefusedByItsOwnDeviceAndByEveryPeer() throws Exception {
    Workspace reader = team.join(alice, "Rita", Role.READER);
    Soul agenda = alice.createNote("Agenda", "Monday");
    Team.sync(alice, reader);
    String before = alice.digest();
    assertThatThrownBy(() -> reader.createNote("Mine", "x"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("reader");
    assertThatThrownBy(() -> reader.editBody(agenda, "Tuesday"))
        .isInstanceOf(NotAllowedException.class);
    // Its own device's name it may change.
    reader.membership().setMyNameAsync("Rita R.").get();
    assertThat(Team.sync(reader, alice)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    assertThat(alice.membership().memberName(reader.actor())).contains("Rita R.");

    // A modified client signs edits anyway: every peer refuses them, and keeps nothing of them.
    Change spam = team.forge(reader, Team.newNote(reader.actor(), "Spam", "buy now"));
    List<ApplyResult> results = Team.offer(alice, spam);
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).as(r.detail()).isEqualTo(RefusalReason.NOT_ALLOWED);
              assertThat(r.detail()).contains("reader");
            });
    // The refusal is not silent: the sync log keeps what, from whom, why and when, once however
    // often it is offered again.
    Team.offer(alice, spam);
    assertThat(alice.recentRefusals(10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.actor()).isEqualTo(reader.actor());
              assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
              assertThat(r.detail()).contains("reader");
              assertThat(r.at()).isAfter(java.time.Instant.now().minusSeconds(60));
            });
    // A peer that joins later is offered it by alice (who keeps it without effect): refused there
    // too.
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Team.exchange(alice, bob);
    assertThat(bob.resolve("Spam")).isEmpty();
    assertThat(bob.digest()).isEqualTo(alice.digest());
    assertThat(alice.digest()).isNotEqualTo(before);
    assertThat(alice.bodies(List.of(agenda))).containsExactly("Monday");
    assertThat(alice.resolve("Spam")).isEmpty();
  }

  @Test
  void onlyAnAdminChangesRolesAndAForgedRoleChangeCountsForNothing() throws Exception {
    Workspace walt = team.join(alice, "Walt", Role.WRITER);
    Workspace rita = team.join(alice, "Rita", Role.READER);
    Team.exchange(alice, walt);
    assertThatThrownBy(() -> walt.membership().setRoleAsync(walt.actor(), Role.ADMIN).get())
        .satisfies(e -> assertThat(cause(e)).isInstanceOf(NotAllowedException.class))
        .hasMessageContaining("only an admin");

    // Walt's modified client makes itself admin anyway: the fact is kept, it counts for nothing.
    long seq = walt.versionVector().get(walt.actor()) + 1;
    Change forged =
        team.forge(
            walt,
            List.of(
                new Op.SetField(
                    SystemSouls.actor(walt.actor()),
                    new MembershipEvent(MembershipEvent.Kind.ROLE, walt.actor(), seq).field(),
                    Value.of("admin"))));
    List<ApplyResult> results = Team.offer(alice, forged);
    assertThat(results).isNotEmpty();
    assertThat(results.get(results.size() - 1).reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
    assertThat(results.get(results.size() - 1).detail()).contains("only an admin");
    assertThat(alice.membership().role(walt.actor())).contains(Role.WRITER);

    // The admin promotes the reader: from its next change on, it writes.
    alice.membership().setRoleAsync(rita.actor(), Role.WRITER).get();
    Team.sync(alice, rita);
    assertThat(rita.membership().myRole()).contains(Role.WRITER);
    Soul note = rita.createNote("Rita's", "now I write");
    assertThat(Team.sync(rita, alice)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    assertThat(alice.findNote(note)).isPresent();
  }

  @Test
  void forgedAndReplayedEventsAreRefusedWithAReason() throws Exception {
    Workspace walt = team.join(alice, "Walt", Role.WRITER);
    // An event field must name the change that writes it.
    List<ApplyResult> replayed =
        applyForged(
            List.of(
                new Op.SetField(
                    SystemSouls.actor(walt.actor()),
                    new MembershipEvent(MembershipEvent.Kind.ROLE, alice.actor(), 1).field(),
                    Value.of("admin"))),
            walt);
    assertThat(replayed.get(0).reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
    assertThat(replayed.get(0).detail()).contains("replayed or forged");

    // A removal's cut-off must be what its change has seen of the removed device.
    alice.commitAsync(List.of()).exceptionally(e -> null).get();
    assertThatThrownBy(
            () ->
                alice
                    .commitAsync(
                        List.of(
                            new Op.SetField(
                                SystemSouls.actor(walt.actor()),
                                new MembershipEvent(
                                        MembershipEvent.Kind.REMOVE,
                                        alice.actor(),
                                        alice.versionVector().get(alice.actor()) + 1)
                                    .field(),
                                Value.of(99.0))))
                    .get())
        .satisfies(e -> assertThat(cause(e)).isInstanceOf(NotAllowedException.class))
        .hasMessageContaining("cut-off");

    // Replaying a whole removal is a duplicate; it changes nothing.
    alice.membership().removeAsync(walt.actor()).get();
    Workspace other = team.join(alice, "Olga", Role.WRITER);
    List<ApplyResult> again = Team.sync(alice, walt);
    assertThat(again).allMatch(r -> r.status() != ApplyResult.Status.REFUSED);
    String digest = walt.digest();
    List<byte[]> all =
        Team.union(List.of(alice)).stream().map(org.rhizome.graph.api.StoredChange::bytes).toList();
    assertThat(walt.applyRemote(all)).allMatch(r -> r.status() == ApplyResult.Status.DUPLICATE);
    assertThat(walt.digest()).isEqualTo(digest);
    assertThat(other.membership().myRole()).contains(Role.WRITER);
  }

  /** Ops that {@code member}'s modified client signs, offered to alice. */
  private List<ApplyResult> applyForged(List<Op> ops, Workspace member) throws Exception {
    return Team.offer(alice, team.forge(member, ops));
  }

  @Test
  void onlyAnAdminInvitesNewPeopleButAWriterMayAddItsOwnDevice() throws Exception {
    Workspace walt = team.join(alice, "Walt", Role.WRITER);
    assertThatThrownBy(
            () ->
                walt.membership()
                    .createInviteAsync(Grant.MEMBER, Role.WRITER, Duration.ofDays(1))
                    .get())
        .satisfies(e -> assertThat(cause(e)).isInstanceOf(NotAllowedException.class))
        .hasMessageContaining("only an admin");
    Workspace phone = team.joinDevice(walt, "Walt phone");
    assertThat(phone.membership().myRole()).contains(Role.WRITER);
    Soul note = phone.createNote("From the phone", "hi");
    Team.sync(phone, walt);
    Team.sync(walt, alice);
    assertThat(alice.findNote(note)).isPresent();

    Workspace rita = team.join(alice, "Rita", Role.READER);
    assertThatThrownBy(
            () -> rita.membership().createInviteAsync(Grant.DEVICE, Duration.ofDays(1)).get())
        .satisfies(e -> assertThat(cause(e)).isInstanceOf(NotAllowedException.class));
  }
}
