package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Soul;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.text.Splice;
import org.rhizome.sync.peer.Multiaddr;

/** Real replicas syncing over real libp2p connections on loopback. */
@Timeout(120)
class ReplicationIT {
  @TempDir
  Path dir;

  @Test
  void aDeviceJoinsWithAnInviteAndEditsPropagateLiveBothWays() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      Soul early = a.workspace().createNote("Before you came", "history");
      WorkspaceSync b = peers.join(a);
      Workspace wb = b.workspace();
      assertThat(wb.findNote(early)).isPresent();
      Peers.await(Duration.ofSeconds(10), () -> named(a.workspace(), wb));

      Soul fromB = wb.createNote("From B", "hello [[Before you came]]");
      Peers.await(Duration.ofSeconds(10), () -> found(a.workspace(), fromB));
      Soul fromA = a.workspace().createNote("From A", "hi");
      Peers.await(Duration.ofSeconds(10), () -> found(wb, fromA));
      peers.awaitConverged(Duration.ofSeconds(10));
      assertThat(a.status().peers()).hasSize(1);
    }
  }

  @Test
  void concurrentEditsOnThreePeersConverge() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      Soul shared = a.workspace().createNote("Shared", "start\n");
      WorkspaceSync b = peers.join(a);
      WorkspaceSync c = peers.join(a);
      peers.awaitConverged(Duration.ofSeconds(20));
      List<Thread> writers = new ArrayList<>();
      for (WorkspaceSync s : List.of(a, b, c)) {
        Thread t = new Thread(() -> {
          try {
            for (int i = 0; i < 30; i++) {
              // Each writer types at the start; concurrent inserts all survive, none deletes another's.
              s.workspace().spliceBody(shared, List.of(new Splice(0, 0, s.workspace().actor().hex().substring(0, 4) + " " + i + "\n")));
              s.workspace().createNote("n-" + s.workspace().actor().hex().substring(0, 6) + "-" + i, "x");
            }
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        });
        writers.add(t);
        t.start();
      }
      for (Thread t : writers) {
        t.join(60_000);
      }
      peers.awaitConverged(Duration.ofSeconds(30));
      String body = a.workspace().findNote(shared).orElseThrow().body();
      for (WorkspaceSync s : List.of(a, b, c)) {
        assertThat(body).contains(s.workspace().actor().hex().substring(0, 4) + " 29\n");
      }
      assertThat(a.workspace().noteCount()).isEqualTo(1 + 90);
    }
  }

  @Test
  void aPeerThatWasOfflineCatchesUpAndAPartitionHeals() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      List<Multiaddr> aAddrs = a.host().listenAddresses();
      peers.stop(1);
      // Both sides edit while apart.
      List<String[]> batch = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        batch.add(new String[] {"offline " + i, "while B was away " + i});
      }
      a.workspace().createNotesAsync(batch).get();
      b.workspace().createNote("B alone", "edited offline");
      assertThat(b.workspace().digest()).isNotEqualTo(a.workspace().digest());
      peers.restart(1, aAddrs);
      peers.awaitConverged(Duration.ofSeconds(60));
      assertThat(peers.workspaces.get(1).noteCount()).isEqualTo(2_001);
    }
  }

  static boolean named(Workspace ws, Workspace member) {
    try {
      return ws.membership().memberName(member.actor()).isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  static boolean found(Workspace ws, Soul soul) {
    try {
      return ws.findNote(soul).isPresent();
    } catch (Exception e) {
      return false;
    }
  }
}
