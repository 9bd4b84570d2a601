package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.BodyVersion;
import org.rhizome.graph.query.TextVersionInfo;

/**
 * A note's history never shows a change kept without effect (decision 0007) as if it had been
 * applied: neither one withheld on arrival nor one taken back by a removal that came later.
 */
class WithheldHistoryIT {
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

  @Test
  void aChangeWithheldOnArrivalIsNoVersionAndNoTextOfOne() throws Exception {
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Soul note = alice.createNote("Plan", "first line\n");
    Team.exchange(alice, bob);
    bob.editBody(note, "first line\nbob before\n");
    Team.exchange(alice, bob);
    alice.membership().removeAsync(bob.actor()).get();

    bob.editBody(note, "first line\nbob before\nREMOVED-MARKER\n");
    assertThat(Team.sync(bob, alice))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isNotEqualTo(ApplyResult.Status.APPLIED));
    // Alice writes after it: her edit is anchored among the withheld characters' neighbours.
    alice.editBody(note, "first line\nbob before\nalice after\n");

    assertNoTraceOf(alice, note, "REMOVED-MARKER", "first line\nbob before\nalice after\n");
    assertThat(alice.bodyHistory(note, 100))
        .extracting(TextVersionInfo::author)
        .containsExactly(alice.actor(), bob.actor(), alice.actor());
  }

  @Test
  void aChangeTakenBackByALaterRemovalLeavesTheHistoryToo() throws Exception {
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Workspace carol = team.join(alice, "Carol", Role.WRITER);
    Soul note = alice.createNote("Shared", "base text\n");
    Team.exchange(alice, bob);
    Team.exchange(alice, carol);

    alice.membership().removeAsync(bob.actor()).get(); // Carol is offline
    bob.editBody(note, "base text\nTAKEN-BACK\n");
    assertThat(Team.sync(bob, carol)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    assertThat(carol.bodyHistory(note, 100))
        .extracting(TextVersionInfo::author)
        .contains(bob.actor());
    carol.editBody(note, "base text\nTAKEN-BACK\ncarol\n");

    Team.sync(alice, carol); // the removal arrives
    String now = carol.bodies(List.of(note)).get(0);
    assertThat(now).doesNotContain("TAKEN-BACK").contains("carol");
    assertNoTraceOf(carol, note, "TAKEN-BACK", now);
    assertThat(carol.bodyHistory(note, 100))
        .extracting(TextVersionInfo::author)
        .doesNotContain(bob.actor());
  }

  /** Every version, grouped or not, and the text an editor's rebase replays, lack the marker. */
  private static void assertNoTraceOf(Workspace ws, Soul note, String marker, String current)
      throws Exception {
    assertThat(ws.bodies(List.of(note)).get(0)).isEqualTo(current);
    List<TextVersionInfo> versions = ws.bodyHistory(note, 100);
    assertThat(versions).isNotEmpty();
    for (TextVersionInfo v : versions) {
      assertThat(ws.bodyAt(note, v)).doesNotContain(marker);
    }
    assertThat(ws.bodyAt(note, versions.get(0))).isEqualTo(current);
    List<BodyVersion> grouped = ws.bodyVersions(note, 100);
    for (BodyVersion v : grouped) {
      assertThat(ws.bodyAt(note, v.last())).doesNotContain(marker);
    }
    assertThat(ws.bodyAt(note, grouped.get(0).last())).isEqualTo(current);
    // The writer's replay at the live version (what an editor's late edit is rebased on).
    var open = ws.openBodyAsync(note).get();
    assertThat(ws.bodyAtAsync(note, open.version()).get().text()).isEqualTo(current);
  }
}
