package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.sync.peer.Multiaddr;

/**
 * Two devices each grow one note while apart so that each side's body is under the size limit but
 * the merge of both is over it: sync must go on (the merged note stores, every other change
 * crosses).
 */
@Timeout(180)
class MergeWedgeIT {
  @TempDir Path dir;

  private static String lines(String who, int bytes) {
    StringBuilder b = new StringBuilder(bytes + 64);
    for (int i = 0; b.length() < bytes; i++) {
      b.append(who).append(" line ").append(i).append(" of text written while apart\n");
    }
    return b.toString();
  }

  @Test
  void twoBigConcurrentEditsMergePastTheLocalLimitAndSyncGoesOn() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      String base = lines("base", 107_000);
      Soul big = peers.workspace(a).createNote("big", base);
      Peers.await(Duration.ofSeconds(20), () -> found(peers.workspace(b), big));
      peers.awaitConverged(Duration.ofSeconds(20));
      List<Multiaddr> aAddrs = a.host().listenAddresses();
      List<Multiaddr> bAddrs = b.host().listenAddresses();
      peers.stop(0);
      peers.stop(1);
      Workspace wa = peers.workspaces.get(0);
      Workspace wb = peers.workspaces.get(1);
      wa.editBody(big, base + lines("alpha", 660_000));
      wb.editBody(big, base + lines("bravo", 660_000));
      long started = System.nanoTime();
      WorkspaceSync a2 = peers.restart(0, bAddrs);
      WorkspaceSync b2 = peers.restart(1, aAddrs);
      Soul later = wa.createNote("after the merge", "a small note");
      Soul laterB = wb.createNote("from b after the merge", "another");
      Peers.await(Duration.ofSeconds(60), () -> found(wb, later) && found(wa, laterB));
      peers.awaitConverged(Duration.ofSeconds(60));
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("merge wedge scenario converged in " + millis + " ms");
      String merged = wa.findNote(big).orElseThrow().body();
      assertThat(merged.length()).isGreaterThan(1_400_000);
      assertThat(merged).contains("alpha line 0 ").contains("bravo line 0 ");
      assertThat(wb.findNote(big).orElseThrow().body()).isEqualTo(merged);
      assertThat(a2.status().refused()).isZero();
      assertThat(b2.status().refused()).isZero();
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
