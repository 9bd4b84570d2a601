package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Role;

/**
 * {@code member list|role|remove}, {@code device revoke}, {@code invite --role} and {@code sync
 * log} on a real data directory, with other members on their own SQLite files exchanging real
 * changes with it (as sync would, without the network).
 */
class MemberCommandsIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();

  static void sync(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    if (!missing.isEmpty()) {
      to.applyRemote(missing);
    }
  }

  /** The CLI's own replica of "team", opened as the CLI opens it (between commands). */
  Workspace mine(Path data) throws Exception {
    DataDirectory d = new DataDirectory(data);
    return Workspace.open(d.workspaceFile("team"), d.loadOrCreateDeviceKey());
  }

  /** A person who joins the CLI's workspace with {@code role}, on a file of their own. */
  Workspace joinFromOutside(Path data, String name, Role role, Grant grant) throws Exception {
    try (Workspace admin = mine(data)) {
      InviteKey invite =
          admin.membership().createInviteAsync(grant, role, Duration.ofDays(1)).get();
      Workspace ws =
          Workspace.openToJoin(dir.resolve(name + ".db"), admin.id(), DeviceKey.generate(random));
      sync(admin, ws);
      ws.membership().join(invite, name);
      sync(ws, admin);
      return ws;
    }
  }

  @Test
  void anAdminListsChangesRolesRemovesAndRevokesAndRefusalsShowInTheSyncLog() throws Exception {
    Path data = dir.resolve("alice");
    CliRunner cli = new CliRunner(data);
    cli.json("workspace", "create", "team", "--member-name", "alice", "--json");

    try (Workspace bob = joinFromOutside(data, "bob", Role.WRITER, Grant.MEMBER);
        Workspace rita = joinFromOutside(data, "rita", Role.READER, Grant.MEMBER)) {
      JsonNode people = cli.json("member", "list", "--workspace", "team", "--json").path("people");
      assertThat(people).hasSize(3);
      assertThat(people.get(0).path("name").asText()).isEqualTo("alice");
      assertThat(people.get(0).path("role").asText()).isEqualTo("admin");
      assertThat(people.get(0).path("founder").asBoolean()).isTrue();
      assertThat(people.get(0).path("devices").get(0).path("you").asBoolean()).isTrue();
      CliRunner.Result table = cli.run("member", "list", "--workspace", "team");
      assertThat(table.exitCode()).as(table.toString()).isZero();
      assertThat(table.out())
          .contains("rita")
          .contains("reader")
          .contains("bob")
          .contains("writer");

      // A role change, by name.
      JsonNode changed =
          cli.json("member", "role", "rita", "writer", "--workspace", "team", "--json");
      assertThat(changed.path("role").asText()).isEqualTo("writer");
      try (Workspace a = mine(data)) {
        sync(a, rita);
      }
      assertThat(rita.membership().myRole()).contains(Role.WRITER);

      // Remove bob; his later change is refused here, and the sync log says so.
      bob.createNote("Before", "kept");
      try (Workspace a = mine(data)) {
        sync(bob, a);
      }
      JsonNode removed = cli.json("member", "remove", "bob", "--workspace", "team", "--json");
      assertThat(removed.path("cutOff").asLong()).isEqualTo(bob.versionVector().get(bob.actor()));
      bob.createNote("After", "refused");
      try (Workspace a = mine(data)) {
        sync(bob, a);
      }
      JsonNode listed = cli.json("member", "list", "--workspace", "team", "--json").path("people");
      assertThat(listed)
          .filteredOn(p -> p.path("name").asText().equals("bob"))
          .singleElement()
          .satisfies(p -> assertThat(p.path("removed").asBoolean()).isTrue());
      assertThat(cli.json("note", "list", "--workspace", "team", "--json").path("notes"))
          .extracting(n -> n.path("title").asText())
          .contains("Before")
          .doesNotContain("After");
      JsonNode log = cli.json("sync", "log", "--workspace", "team", "--json").path("refused");
      assertThat(log).hasSize(1);
      assertThat(log.get(0).path("reason").asText()).isEqualTo("NOT_ALLOWED");
      assertThat(log.get(0).path("fromName").asText()).isEqualTo("bob");
      assertThat(log.get(0).path("detail").asText()).contains("cut-off");
      assertThat(cli.run("sync", "log", "--workspace", "team").out())
          .contains("NOT_ALLOWED")
          .contains("bob");
    }
  }

  @Test
  void errorsAreTypedWithTheirExitCodes() throws Exception {
    Path data = dir.resolve("alice");
    CliRunner cli = new CliRunner(data);
    cli.json("workspace", "create", "team", "--member-name", "alice", "--json");
    CliRunner.Result unknown = cli.run("member", "remove", "nobody", "--workspace", "team");
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unknown.err()).contains("no member here is called nobody");
    CliRunner.Result badRole = cli.run("member", "role", "alice", "boss", "--workspace", "team");
    assertThat(badRole.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(badRole.err()).contains("not a role");
    CliRunner.Result self = cli.run("member", "remove", "alice", "--workspace", "team");
    assertThat(self.exitCode()).as(self.toString()).isEqualTo(ExitCodes.NOT_ALLOWED);
    // The last admin cannot step down: nobody could manage the team after.
    CliRunner.Result lastAdmin =
        cli.run("member", "role", "alice", "writer", "--workspace", "team");
    assertThat(lastAdmin.exitCode()).as(lastAdmin.toString()).isEqualTo(ExitCodes.NOT_ALLOWED);
    assertThat(lastAdmin.err())
        .contains("you are the last admin of this workspace: make someone else an admin first");
    assertThat(cli.json("member", "list", "--workspace", "team", "--json").path("people"))
        .singleElement()
        .satisfies(p -> assertThat(p.path("role").asText()).isEqualTo("admin"));
    CliRunner.Result personal = cli.run("member", "list");
    assertThat(personal.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(personal.err()).contains("personal workspace");
    CliRunner.Result inviteRole =
        cli.run("invite", "--workspace", "team", "--role", "owner", "--no-addresses");
    assertThat(inviteRole.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);

    // A writer is not an admin: it may not change roles, remove people or invite new ones.
    Path bobData = dir.resolve("bob");
    CliRunner bobCli = new CliRunner(bobData);
    String invite =
        cli.json("invite", "--workspace", "team", "--role", "writer", "--no-addresses", "--json")
            .path("invite")
            .asText();
    assertThat(
            cli.json(
                    "invite", "--workspace", "team", "--role", "reader", "--no-addresses", "--json")
                .path("role")
                .asText())
        .isEqualTo("reader");
    CliRunner.Result joined = bobCli.run("join", invite, "--name", "bob", "--wait", "0s");
    // Bob's replica has not met alice's (no network here): bring the registration over by hand.
    try (Workspace a = mine(data);
        Workspace b = mine(bobData)) {
      sync(a, b);
      assertThat(org.rhizome.sync.replication.invite.SharedWorkspaces.completeJoin(b)).isTrue();
      sync(b, a);
    }
    assertThat(joined.exitCode()).isIn(0, ExitCodes.SYNC);
    CliRunner.Result notAdmin =
        bobCli.run("member", "role", "alice", "reader", "--workspace", "team");
    assertThat(notAdmin.exitCode()).as(notAdmin.toString()).isEqualTo(ExitCodes.NOT_ALLOWED);
    assertThat(notAdmin.err()).contains("only an admin");
    CliRunner.Result notAdminInvite = bobCli.run("invite", "--workspace", "team", "--no-addresses");
    assertThat(notAdminInvite.exitCode()).isEqualTo(ExitCodes.NOT_ALLOWED);
    assertThat(bobCli.run("invite", "--workspace", "team", "--device", "--no-addresses").exitCode())
        .isZero();
    CliRunner.Result revokeOthers = bobCli.run("device", "revoke", "alice", "--workspace", "team");
    assertThat(revokeOthers.exitCode())
        .as(revokeOthers.toString())
        .isEqualTo(ExitCodes.NOT_ALLOWED);
  }
}
