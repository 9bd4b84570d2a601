package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
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
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.ChangeDraft;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.NoteFields;

/**
 * A protected note's owner lets named people edit it until a time, or takes that back (decision
 * 0011): judged on every replica alike, whatever order changes arrive in, with refusals logged.
 */
class DelegationIT {
  private static final long HOUR = 3_600_000L;

  @TempDir Path dir;
  Team team;
  Workspace alice;
  Workspace bob;
  Workspace carol;
  Soul note;

  @BeforeEach
  void found() throws Exception {
    team = new Team(dir);
    alice = team.alice;
    bob = team.join(alice, "Bob", Role.WRITER);
    carol = team.join(alice, "Carol", Role.WRITER);
    note = alice.createProtectedNoteAsync("", "Plan", "the plan").get();
    everyone();
  }

  @AfterEach
  void close() {
    team.close();
  }

  private void everyone() throws Exception {
    for (int round = 0; round < 2; round++) {
      for (Workspace a : List.of(alice, bob, carol)) {
        for (Workspace b : List.of(alice, bob, carol)) {
          if (a != b) {
            Team.sync(a, b);
          }
        }
      }
    }
  }

  private static String body(Workspace ws, Soul soul) throws Exception {
    return ws.bodies(List.of(soul)).get(0);
  }

  @Test
  void aDelegateEditsBeforeTheDeadlineAndNobodyElseDoes() throws Exception {
    assertThat(bob.membership().whyReadOnly(note)).isPresent();
    assertThatThrownBy(() -> bob.editBody(note, "the plan, by bob"))
        .isInstanceOf(NotAllowedException.class);

    long until = System.currentTimeMillis() + 24 * HOUR;
    alice.membership().letEditAsync(note, List.of(bob.actor()), until).get();
    everyone();
    assertThat(carol.membership().editors(note)).containsEntry(bob.actor(), until).hasSize(1);
    assertThat(bob.membership().whyReadOnly(note)).isEmpty();

    bob.editBody(note, "the plan, by bob");
    List<ApplyResult> results = Team.sync(bob, alice);
    assertThat(results).singleElement().satisfies(r -> assertThat(r.reason()).isNull());
    everyone();
    for (Workspace w : List.of(alice, bob, carol)) {
      assertThat(body(w, note)).isEqualTo("the plan, by bob");
    }

    // Carol is not let edit: her own device refuses, and so does everyone else a forged change.
    assertThat(carol.membership().whyReadOnly(note)).isPresent();
    assertThatThrownBy(() -> carol.editBody(note, "carol's plan"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("protected");
    Change forged =
        team.forge(carol, List.of(new Op.SetField(note, NoteFields.TITLE, Value.of("X"))));
    for (Workspace w : List.of(alice, bob)) {
      ApplyResult r = Team.offer(w, forged).get(0);
      assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
      assertThat(r.detail()).contains("protected");
      assertThat(w.recentRefusals(10))
          .anySatisfy(f -> assertThat(f.detail()).contains("protected"));
    }
    assertThat(alice.digest()).isEqualTo(bob.digest()).isEqualTo(carol.digest());
  }

  @Test
  void afterTheDeadlineTheDelegatesChangesAreRefusedEverywhere() throws Exception {
    long until = System.currentTimeMillis() + HOUR;
    alice.membership().letEditAsync(note, List.of(bob.actor()), until).get();
    everyone();

    // Bob's device, its clock two hours on, refuses his edit before signing it.
    Path file = bob.file();
    ActorId bobActor = bob.actor();
    bob.close();
    AtomicLong clock = new AtomicLong(System.currentTimeMillis() + 2 * HOUR);
    bob =
        team.keep(
            Workspace.open(
                file, alice.id(), MembershipMode.MEMBERS, team.keys.get(bobActor), clock::get));
    assertThat(bob.membership().whyReadOnly(note)).get().asString().contains("time ended");
    assertThatThrownBy(() -> bob.editBody(note, "too late"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("only until");

    // A modified client signs it anyway: every replica withholds it, and logs why.
    Change late =
        forgeAt(
            bob, clock.get(), List.of(new Op.SetField(note, NoteFields.TITLE, Value.of("Late"))));
    for (Workspace w : List.of(alice, carol)) {
      ApplyResult r = Team.offer(w, late).get(0);
      assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
      assertThat(r.detail()).contains("only until");
      assertThat(w.recentRefusals(10))
          .anySatisfy(f -> assertThat(f.detail()).contains("only until"));
      assertThat(w.node(note).get(NoteFields.TITLE)).isEqualTo(Value.of("Plan"));
    }
    assertThat(alice.digest()).isEqualTo(carol.digest());
  }

  @Test
  void aSlowClockIsCaughtUpByWhatItHasSeen() throws Exception {
    long until = System.currentTimeMillis() + HOUR;
    alice.membership().letEditAsync(note, List.of(bob.actor()), until).get();
    everyone();
    // Bob's clock is three hours slow: judged by his stamp, his edit made "now" counts everywhere.
    Path file = bob.file();
    ActorId bobActor = bob.actor();
    bob.close();
    AtomicLong clock = new AtomicLong(System.currentTimeMillis() - 3 * HOUR);
    bob =
        team.keep(
            Workspace.open(
                file, alice.id(), MembershipMode.MEMBERS, team.keys.get(bobActor), clock::get));
    bob.editBody(note, "the plan, slow bob");
    everyone();
    assertThat(body(carol, note)).isEqualTo("the plan, slow bob");

    // Once Bob has seen a change stamped after the deadline, his clock is past it too.
    Path carolFile = carol.file();
    ActorId carolActor = carol.actor();
    carol.close();
    carol =
        team.keep(
            Workspace.open(
                carolFile,
                alice.id(),
                MembershipMode.MEMBERS,
                team.keys.get(carolActor),
                () -> System.currentTimeMillis() + 2 * HOUR));
    carol.createNote("Later", "written after the deadline");
    Team.sync(carol, bob);
    assertThatThrownBy(() -> bob.editBody(note, "the plan, slow bob, again"))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("only until");
  }

  @Test
  void aRevocationTakesBackConcurrentEditsInEveryDeliveryOrder() throws Exception {
    alice
        .membership()
        .letEditAsync(
            note, List.of(bob.actor(), carol.actor()), System.currentTimeMillis() + 24 * HOUR)
        .get();
    everyone();
    bob.editBody(note, "the plan, kept");
    everyone();
    // Bob edits again while Alice, who has not seen it, takes his right back.
    bob.editBody(note, "the plan, kept, and bob's late words");
    alice.membership().unletEditAsync(note, List.of(bob.actor())).get();
    Team.sync(bob, carol); // Carol gets Bob's edit first ...
    assertThat(body(carol, note)).contains("late words");
    List<ApplyResult> atAlice = Team.sync(bob, alice); // ... Alice after her revocation
    assertThat(atAlice)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
              assertThat(r.detail()).contains("took back");
            });
    assertThat(alice.recentRefusals(10))
        .anySatisfy(f -> assertThat(f.detail()).contains("took back"));
    everyone();
    for (Workspace w : List.of(alice, bob, carol)) {
      assertThat(body(w, note)).isEqualTo("the plan, kept");
      assertThat(w.digest()).isEqualTo(alice.digest());
    }
    assertThat(alice.membership().editors(note)).containsOnlyKeys(carol.actor());
    assertThatThrownBy(() -> bob.editBody(note, "again")).isInstanceOf(NotAllowedException.class);
    carol.editBody(note, "the plan, kept, carol");
    everyone();
    String expected = alice.digest();
    assertThat(body(bob, note)).isEqualTo("the plan, kept, carol");

    List<Change> changes = new ArrayList<>();
    for (StoredChange c : Team.union(List.of(alice, bob, carol))) {
      changes.add(ChangeCodec.decode(c.bytes()));
    }
    for (int i = 0; i < 12; i++) {
      List<Change> order = RemovalOrderProperties.causalShuffle(changes, new Random(1100 + i));
      Path file = dir.resolve("order-" + i + ".db");
      try (Workspace fresh =
          Workspace.openToJoin(file, alice.id(), DeviceKey.generate(team.random))) {
        for (Change c : order) {
          fresh.applyRemote(List.of(c.encoded()));
        }
        assertThat(fresh.digest()).as("order %d", i).isEqualTo(expected);
        assertThat(body(fresh, note)).isEqualTo("the plan, kept, carol");
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void forgedAndReplayedDelegationsAreRefused() throws Exception {
    // Carol is not the owner: her device refuses, and so does every replica a forged grant.
    assertThatThrownBy(
            () ->
                carol
                    .membership()
                    .letEditAsync(note, List.of(carol.actor()), System.currentTimeMillis() + HOUR)
                    .get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotAllowedException.class);
    long seq = carol.versionVector().get(carol.actor()) + 1;
    Change forged =
        team.forge(
            carol,
            List.of(
                new Op.SetField(
                    SystemSouls.delegations(note),
                    new Delegation(Delegation.Kind.LET, carol.actor(), carol.actor(), seq).field(),
                    Value.of((double) System.currentTimeMillis() + HOUR))));
    ApplyResult r = Team.offer(alice, forged).get(0);
    assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
    assertThat(r.detail()).contains("only the owner's devices");

    // Alice's grant for Bob copied into another change of hers (a replay) is refused.
    Change grant =
        alice
            .membership()
            .letEditAsync(note, List.of(bob.actor()), System.currentTimeMillis() + HOUR)
            .get();
    Op.SetField copied = (Op.SetField) grant.ops().get(0);
    Change replay = forgeAt(alice, System.currentTimeMillis(), List.of(copied));
    Team.sync(alice, bob);
    ApplyResult rr = Team.offer(bob, replay).get(0);
    assertThat(rr.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
    assertThat(rr.detail()).contains("replayed or forged");
  }

  /** {@code member}'s next change signed with clock {@code millis}, checking nothing. */
  private Change forgeAt(Workspace member, long millis, List<Op> ops) throws Exception {
    Change template = team.forge(member, ops);
    return Change.sign(
        new ChangeDraft(
            template.workspace(),
            template.actor(),
            template.seq(),
            template.prev(),
            Hlc.pack(millis, 0),
            template.deps(),
            ops),
        team.keys.get(member.actor()));
  }
}
