package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;

/**
 * Sync learns of commits from the workspace's change feed alone: a change another process commits
 * to the synced file (here a second {@link Workspace} on it, as the CLI beside {@code serve})
 * reaches the peer live, not by a pull — anti-entropy is set far beyond the test's wait.
 */
@Timeout(180)
class LivePublishingIT {
  @TempDir Path dir;

  @Test
  void aChangeAnotherProcessCommitsIsPublishedLiveFromTheFeed() throws Exception {
    try (Peers peers = new Peers(dir)) {
      peers.antiEntropy = Duration.ofMinutes(30);
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      // Past the second pull that follows a connection, so only the live path can carry what comes
      // next.
      Thread.sleep(4_000);
      long liveBefore = b.status().liveApplied();
      long pulledBefore = b.status().pulledApplied();
      try (Workspace cli = Workspace.open(peers.workspace(a).file(), peers.keys.get(0))) {
        Soul fromCli =
            cli.createNote("From the CLI", "committed by another connection to A's file");
        Peers.await(Duration.ofSeconds(30), () -> ReplicationIT.found(peers.workspace(b), fromCli));
      }
      assertThat(b.status().liveApplied()).as("arrived live").isGreaterThan(liveBefore);
      assertThat(b.status().pulledApplied()).as("not by a pull").isEqualTo(pulledBefore);
      // And a change made in A's own process goes the same way.
      Soul local = peers.workspace(a).createNote("From A", "made where sync runs");
      Peers.await(Duration.ofSeconds(30), () -> ReplicationIT.found(peers.workspace(b), local));
      assertThat(b.status().pulledApplied()).isEqualTo(pulledBefore);
    }
  }
}
