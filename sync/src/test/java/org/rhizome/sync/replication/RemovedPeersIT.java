package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.sync.peer.PeerId;

/**
 * Decision 0008's network half over real peers on loopback: once a replica knows a member was
 * removed, it hangs up on that member's device and refuses its redials right after the handshake;
 * the removed member's process, still running and still holding the workspace secret, gets nothing
 * written after from those who know.
 */
@Timeout(120)
class RemovedPeersIT {
  @TempDir Path dir;

  @Test
  void theRemovedDeviceIsCutOffByThoseWhoKnow() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      WorkspaceSync c = peers.join(a);
      Workspace wa = peers.workspace(a);
      Workspace wb = peers.workspace(b);
      Workspace wc = peers.workspace(c);
      peers.awaitConverged(Duration.ofSeconds(30));
      PeerId bob = RemovedPeers.peerOf(wb.actor());
      Peers.await(
          Duration.ofSeconds(20),
          () -> a.host().connectedPeers().contains(bob) || c.host().connectedPeers().contains(bob));

      wa.membership().removeAsync(wb.actor()).get();
      Peers.await(Duration.ofSeconds(20), () -> removed(wc, wb));
      // B keeps redialling (every 300 ms); neither A nor C keeps it, over several redials.
      for (int i = 0; i < 10; i++) {
        Peers.await(
            Duration.ofSeconds(10),
            () ->
                !a.host().connectedPeers().contains(bob)
                    && !c.host().connectedPeers().contains(bob));
        Thread.sleep(150);
      }

      Soul after = wa.createNote("After the removal", "zqxnetmarker words");
      Peers.await(Duration.ofSeconds(20), () -> has(wc, after));
      Thread.sleep(3000); // several anti-entropy rounds and redials of B
      assertThat(has(wb, after)).isFalse();
      for (String suffix : List.of("", "-wal")) {
        Path f = wb.file().resolveSibling(wb.file().getFileName() + suffix);
        if (Files.exists(f)) {
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
              .doesNotContain("zqxnetmarker");
        }
      }
    }
  }

  private static boolean removed(Workspace at, Workspace member) {
    try {
      return at.membership().role(member.actor()).isEmpty();
    } catch (Exception e) {
      return false;
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
