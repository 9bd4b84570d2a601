package org.rhizome.ui.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;

class WorkspaceWindowsTest {
  @TempDir Path dir;

  @Test
  void slugKeepsLettersDigitsAndDashes() {
    assertThat(WorkspaceWindows.slug("Team notes")).isEqualTo("team-notes");
    assertThat(WorkspaceWindows.slug("  Équipe  2026! ")).isEqualTo("equipe-2026");
    assertThat(WorkspaceWindows.slug("✓✓")).isEqualTo("shared");
    assertThat(WorkspaceWindows.slug("a".repeat(100))).hasSize(40);
  }

  @Test
  void freeFileNeverNamesAnExistingWorkspace() throws Exception {
    Path workspaces = dir.resolve("workspaces");
    assertThat(WorkspaceWindows.freeFile(workspaces, "team"))
        .isEqualTo(workspaces.resolve("team.db"));
    Files.createFile(workspaces.resolve("team.db"));
    Files.createFile(workspaces.resolve("team-2.db"));
    assertThat(WorkspaceWindows.freeFile(workspaces, "team"))
        .isEqualTo(workspaces.resolve("team-3.db"));
  }

  @Test
  void anInviteToAWorkspaceThisDeviceHasIsRefusedAndNoSecondReplicaIsMade() throws Exception {
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    String invite;
    try (Workspace team =
        SharedWorkspaces.found(dir.resolve("workspaces/team.db"), key, "Team", "Ada")) {
      invite = SharedWorkspaces.invite(team, Grant.DEVICE, Duration.ofDays(1), List.of()).format();
    }
    try (SyncExtension sync =
        new SyncExtension(
            key, dir.resolve("workspaces"), LoopbackSync.lockingIn(key, dir.resolve("run")))) {
      WorkspaceWindows windows = new WorkspaceWindows(key, dir.resolve("workspaces"), sync);
      var joined = windows.join(Invite.parse(invite), "Ada's laptop");
      assertThat(joined)
          .failsWithin(Duration.ofSeconds(20))
          .withThrowableOfType(ExecutionException.class)
          .withMessageContaining("this device already has this workspace, as “team”");
    }
    try (var files = Files.list(dir.resolve("workspaces"))) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".db")).toList())
          .containsExactly("team.db");
    }
  }
}
