package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.model.Soul;

/**
 * Removing people and revoking devices (decision 0007): a causal cut-off, the same on every replica
 * whatever order changes arrive in, with effects taken back where they came first.
 */
class RemovalIT {
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

  static String body(Workspace ws, Soul note) throws Exception {
    return ws.bodies(List.of(note)).get(0);
  }

  @Test
  void changesUpToTheCutOffStayAndLaterOnesAreRefused() throws Exception {
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Soul before = bob.createNote("Before", "written while a member");
    Team.exchange(alice, bob);
    alice.membership().removeAsync(bob.actor()).get();

    // Bob has not heard yet, and keeps writing.
    Soul after = bob.createNote("After", "written after the removal");
    bob.editBody(before, "written while a member, and changed after");
    List<ApplyResult> results = Team.sync(bob, alice);
    assertThat(results)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED));
    assertThat(results.get(0).detail()).contains("cut-off");
    assertThat(alice.findNote(after)).isEmpty();
    assertThat(body(alice, before)).isEqualTo("written while a member");
    assertThat(alice.findNote(before)).isPresent();
    assertThat(alice.membership().people())
        .filteredOn(p -> p.person().equals(bob.actor()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.removed()).isTrue();
              assertThat(p.role()).isEmpty();
            });

    // When the removal reaches Bob, his own later changes are taken back there too.
    Team.sync(alice, bob);
    assertThat(bob.findNote(after)).isEmpty();
    assertThat(body(bob, before)).isEqualTo("written while a member");
    assertThat(bob.digest()).isEqualTo(alice.digest());
    assertThat(bob.membership().myRole()).isEmpty();
    assertThatThrownBy(() -> bob.createNote("Again", "x")).isInstanceOf(NotAllowedException.class);

    // Changes kept without effect are no damage: a check replays the log to the same state.
    Path file = dir.resolve("alice.db");
    team.close();
    org.rhizome.graph.repair.CheckReport report =
        org.rhizome.graph.repair.WorkspaceCheck.run(file, dir.resolve("scratch"));
    assertThat(report.problems()).isEmpty();
    assertThat(report.stateMatchesLog()).isTrue();
  }

  @Test
  void anOfflinePeerThatGetsTheRemovedMembersChangesFirstTakesThemBack() throws Exception {
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Workspace carol = team.join(alice, "Carol", Role.WRITER);
    Soul shared = alice.createNote("Shared", "base text");
    Team.exchange(alice, bob);
    Team.exchange(alice, carol);

    alice.membership().removeAsync(bob.actor()).get(); // Carol is offline
    bob.editBody(shared, "base bob-after");
    Soul bobs = bob.createNote("Bob after", "post-removal marker");

    // Carol gets Bob's new changes before the removal, and builds on them.
    assertThat(Team.sync(bob, carol)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    assertThat(body(carol, shared)).isEqualTo("base bob-after");
    carol.editBody(shared, "base bob-CAROL-after");
    Soul carols = carol.createNote("Carol's", "still a member");

    // The removal arrives: Bob's later effects go, Carol's change that rests on them stays.
    Team.sync(alice, carol);
    assertThat(carol.findNote(bobs)).isEmpty();
    assertThat(body(carol, shared)).contains("CAROL").contains("text").doesNotContain("bob");

    Team.exchange(alice, carol);
    Team.exchange(alice, bob);
    Team.exchange(bob, carol);
    assertThat(alice.digest()).isEqualTo(carol.digest()).isEqualTo(bob.digest());
    for (Workspace w : List.of(alice, bob, carol)) {
      assertThat(w.findNote(bobs)).isEmpty();
      assertThat(w.findNote(carols)).isPresent();
      assertThat(body(w, shared)).isEqualTo(body(alice, shared)).doesNotContain("bob");
    }

    // The texts Carol rebuilt are stored sealed, like every other write, and check agrees.
    team.close();
    org.rhizome.graph.repair.CheckReport report =
        org.rhizome.graph.repair.WorkspaceCheck.run(
            dir.resolve("Carol.db"), dir.resolve("scratch"));
    assertThat(report.problems()).isEmpty();
    assertThat(report.stateMatchesLog()).isTrue();
    assertThat(report.damagedTexts()).isZero();
    assertThat(report.unsealedTexts()).isZero();
  }

  @Test
  void twoAdminsRemovingEachOtherOfflineEndTheSameEverywhere() throws Exception {
    Workspace dave = team.join(alice, "Dave", Role.ADMIN);
    Workspace o1 = team.join(alice, "Olga", Role.READER);
    Workspace o2 = team.join(alice, "Otto", Role.READER);
    Team.exchange(alice, dave);
    Team.exchange(alice, o1);
    Team.exchange(alice, o2);

    alice.membership().removeAsync(dave.actor()).get();
    Soul alices = alice.createNote("Alice late", "a");
    Thread.sleep(5);
    dave.membership().removeAsync(alice.actor()).get();
    Soul daves = dave.createNote("Dave late", "d");

    Team.sync(alice, o1);
    Team.sync(dave, o1);
    Team.sync(dave, o2);
    Team.sync(alice, o2);
    Team.exchange(alice, dave);
    // Dave's removal of Alice does not count, but its epoch key, which left Alice out, sealed his
    // later note: the next change of a member holding that key (Olga names her device) wraps it
    // for Alice, who then holds what the others hold of it (decision 0009).
    o1.membership().setMyNameAsync("Olga O.").get();
    Team.sync(o1, alice);
    Team.sync(o1, o2);
    assertThat(o1.digest()).isEqualTo(o2.digest()).isEqualTo(alice.digest());
    // The earlier removal counts; the later one was made by someone already removed.
    for (Workspace w : List.of(alice, dave, o1, o2)) {
      assertThat(w.membership().role(alice.actor())).contains(Role.ADMIN);
      assertThat(w.membership().role(dave.actor())).isEmpty();
      assertThat(w.findNote(daves)).isEmpty();
    }
    for (Workspace w : List.of(alice, o1, o2)) {
      assertThat(w.findNote(alices)).isPresent();
    }
    // Dave, removed, holds Alice's later note sealed under a key he never got (decision 0009).
    assertThat(dave.findNote(alices)).isEmpty();
  }

  @Test
  void aDeviceIsRevokedByItsPersonOrAnAdminAndItsLaterChangesAreRefused() throws Exception {
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Workspace phone = team.joinDevice(bob, "Bob phone");
    Workspace walt = team.join(alice, "Walt", Role.WRITER);
    Team.exchange(bob, alice);
    Team.exchange(alice, walt);
    assertThatThrownBy(() -> walt.membership().revokeDeviceAsync(phone.actor()).get())
        .hasCauseInstanceOf(NotAllowedException.class);

    Soul kept = phone.createNote("Kept", "before");
    Team.sync(phone, bob);
    bob.membership().revokeDeviceAsync(phone.actor()).get();
    Soul lost = phone.createNote("Lost", "after");
    Team.sync(bob, alice);
    List<ApplyResult> results = Team.sync(phone, alice);
    assertThat(results)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED));
    assertThat(alice.findNote(kept)).isPresent();
    assertThat(alice.findNote(lost)).isEmpty();
    assertThat(alice.membership().people())
        .filteredOn(p -> p.person().equals(bob.actor()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.removed()).isFalse();
              assertThat(p.role()).contains(Role.WRITER);
              assertThat(p.devices()).filteredOn(Person.Device::revoked).hasSize(1);
            });
    // Bob himself still writes.
    Soul still = bob.createNote("Still here", "yes");
    Team.sync(bob, alice);
    assertThat(alice.findNote(still)).isPresent();
  }
}
