package org.rhizome.graph.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;

/**
 * A workspace file whose meta table lost the membership mode is rebuilt in the mode its changes
 * show: a personal workspace keeps its notes (it used to be rebuilt members-only, refusing every
 * change), a shared one stays members-only.
 */
class LostMembershipModeIT {
  @TempDir Path dir;

  private static void forgetMode(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM meta WHERE key = 'membership'");
    }
  }

  @Test
  void aPersonalWorkspaceIsRebuiltOpenWithEveryNote() throws Exception {
    Path file = dir.resolve("personal.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace ws = Workspace.open(file, key);
        Workspace cli = Workspace.open(file, key)) {
      for (int i = 0; i < 6; i++) {
        (i % 2 == 0 ? ws : cli).createNote("Note " + i, "body " + i + " [[Note 0]]");
      }
    }
    forgetMode(file);

    CheckReport check = WorkspaceCheck.run(file, dir.resolve("scratch"));
    assertThat(check.problems()).anyMatch(p -> p.contains("membership mode"));
    assertThat(check.problems()).noneMatch(p -> p.contains("refused"));

    RepairReport report = WorkspaceRepair.run(file);
    assertThat(report.changesLost()).isZero();
    assertThat(report.notes()).isEqualTo(6);
    assertThat(report.problems()).anyMatch(p -> p.contains("rebuilt workspace is open"));
    try (Workspace repaired = Workspace.open(file, key)) {
      assertThat(repaired.membership().mode()).isEqualTo(MembershipMode.OPEN);
      assertThat(repaired.noteCount()).isEqualTo(6);
      assertThat(repaired.backlinks(repaired.resolve("Note 0").orElseThrow().soul(), 10))
          .hasSize(5);
    }
  }

  @Test
  void aSharedWorkspaceStaysMembersOnly() throws Exception {
    Path file = dir.resolve("team.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace ws = Workspace.create(file, key, "Team notes", "Alice")) {
      ws.createNote("Plan", "ship it");
    }
    forgetMode(file);

    RepairReport report = WorkspaceRepair.run(file);
    assertThat(report.problems()).anyMatch(p -> p.contains("rebuilt workspace is members-only"));
    try (Workspace repaired = Workspace.open(file, key)) {
      assertThat(repaired.membership().mode()).isEqualTo(MembershipMode.MEMBERS);
      assertThat(repaired.membership().workspaceName()).isEqualTo("Team notes");
      assertThat(repaired.noteCount()).isEqualTo(1);
    }
  }
}
