package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.model.Soul;
import org.rhizome.sync.peer.Multiaddr;

/**
 * Decision 0007 over real peers on loopback: a member is removed while a third peer is offline,
 * keeps writing, and the third peer gets those changes before the removal — every replica ends with
 * the same digest and without them.
 */
@Timeout(180)
class RemovalSyncIT {
  @TempDir Path dir;

  @Test
  void theRemovedMembersLaterChangesAreTakenBackWhereverTheyArrivedFirst() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      WorkspaceSync c = peers.join(a);
      Workspace wa = peers.workspace(a);
      Workspace wb = peers.workspace(b);
      Workspace wc = peers.workspace(c);
      Soul shared = wa.createNote("Shared", "base text");
      peers.awaitConverged(Duration.ofSeconds(30));
      Peers.await(Duration.ofSeconds(30), () -> has(wb, shared) && has(wc, shared));

      // B and C go offline; A removes B.
      peers.stop(1);
      peers.stop(2);
      wa.membership().removeAsync(wb.actor()).get();
      Soul fromA = wa.createNote("After the removal", "by A");

      // B has not heard, and keeps writing.
      wb.editBody(shared, "base bob-after");
      Soul fromB = wb.createNote("B after", "post-removal marker");

      // A goes quiet; C comes back talking only to B, and gets B's new changes first.
      peers.stop(0);
      WorkspaceSync b2 = peers.restart(1, List.of());
      List<Multiaddr> bAddrs = b2.host().listenAddresses();
      WorkspaceSync c2 = peers.restart(2, bAddrs);
      Peers.await(Duration.ofSeconds(30), () -> has(wc, fromB));
      assertThat(wc.bodies(List.of(shared))).containsExactly("base bob-after");
      // C builds on B's text.
      wc.editBody(shared, "base bob-CAROL-after");
      Soul fromC = wc.createNote("C's", "still a member");

      // A is back: A and C converge, without B's later changes. B itself is cut off by whoever
      // knows of its removal (decision 0008: they hang up on its device), so it converges no more.
      peers.stop(1);
      peers.restart(0, List.of(c2.host().listenAddresses().get(0)));
      peers.awaitConverged(Duration.ofSeconds(60));
      Peers.await(Duration.ofSeconds(30), () -> has(wa, fromC) && has(wc, fromA));
      peers.awaitConverged(Duration.ofSeconds(30));
      String body = wa.bodies(List.of(shared)).get(0);
      assertThat(body).contains("CAROL").contains("text").doesNotContain("bob");
      for (Workspace w : List.of(wa, wc)) {
        assertThat(w.findNote(fromB)).as("B's later note").isEmpty();
        assertThat(w.findNote(fromC)).isPresent();
        assertThat(w.findNote(fromA)).isPresent();
        assertThat(w.bodies(List.of(shared))).containsExactly(body);
      }
      // A refused B's later changes when C passed them on, and says so.
      assertThat(wa.recentRefusals(20))
          .anySatisfy(
              r -> {
                assertThat(r.actor()).isEqualTo(wb.actor());
                assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ALLOWED);
              });
    }
  }

  private static boolean has(Workspace ws, Soul note) {
    try {
      return ws.findNote(note).isPresent();
    } catch (Exception e) {
      return false;
    }
  }
}
