package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.Soul;

/**
 * {@code note protect T --let NAME --until TIME}, {@code --revoke NAME} on a real data directory,
 * with two other members on their own files exchanging real changes with it (decision 0011).
 */
class NoteProtectCommandsIT {
  @TempDir Path dir;

  @Test
  void theOwnerLetsSomeoneEditUntilATimeAndTakesItBack() throws Exception {
    Path data = dir.resolve("alice");
    CliRunner cli = new CliRunner(data);
    cli.json("workspace", "create", "team", "--member-name", "alice", "--json");
    MemberCommandsIT members = new MemberCommandsIT();
    members.dir = dir;
    try (Workspace bob = members.joinFromOutside(data, "bob", Role.WRITER, Grant.MEMBER);
        Workspace carol = members.joinFromOutside(data, "carol", Role.WRITER, Grant.MEMBER)) {
      JsonNode added =
          cli.json(
              "note",
              "add",
              "--workspace",
              "team",
              "--title",
              "Rota",
              "--protected",
              "--body",
              "monday: alice",
              "--json");
      Soul note = new Soul(added.path("id").asText());

      JsonNode let =
          cli.json(
              "note",
              "protect",
              "Rota",
              "--let",
              "bob",
              "--until",
              "2099-12-31T18:00Z",
              "--workspace",
              "team",
              "--json");
      assertThat(let.path("owner").asText()).isEqualTo("alice");
      assertThat(let.path("editors"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path("name").asText()).isEqualTo("bob");
                assertThat(e.path("until").asText()).isEqualTo("2099-12-31T18:00:00Z");
              });
      CliRunner.Result listed = cli.run("note", "protect", "Rota", "--workspace", "team");
      assertThat(listed.exitCode()).as(listed.toString()).isZero();
      assertThat(listed.out()).contains("alice, bob (until 2099-12-31T18:00:00Z)");

      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, bob);
        MemberCommandsIT.sync(a, carol);
      }
      bob.editBody(note, "monday: alice, tuesday: bob");
      assertThatThrownBy(() -> carol.editBody(note, "carol"))
          .isInstanceOf(NotAllowedException.class);
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(bob, a);
        assertThat(a.bodies(java.util.List.of(note)))
            .containsExactly("monday: alice, tuesday: bob");
      }

      JsonNode revoked =
          cli.json("note", "protect", "Rota", "--revoke", "bob", "--workspace", "team", "--json");
      assertThat(revoked.path("editors")).isEmpty();
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, bob);
      }
      assertThatThrownBy(() -> bob.editBody(note, "bob again"))
          .isInstanceOf(NotAllowedException.class);

      // Errors: a past time, a bad time, the owner, an unprotected note, a non-owner.
      assertThat(
              cli.run(
                      "note",
                      "protect",
                      "Rota",
                      "--let",
                      "bob",
                      "--until",
                      "2001-01-01T00:00",
                      "--workspace",
                      "team")
                  .exitCode())
          .isEqualTo(ExitCodes.INVALID_INPUT);
      CliRunner.Result bad =
          cli.run(
              "note", "protect", "Rota", "--let", "bob", "--until", "soon", "--workspace", "team");
      assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(bad.err()).contains("2026-12-31T18:00");
      assertThat(
              cli.run(
                      "note",
                      "protect",
                      "Rota",
                      "--let",
                      "alice",
                      "--until",
                      "2099-01-01T00:00",
                      "--workspace",
                      "team")
                  .exitCode())
          .isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(
              cli.run("note", "protect", "Rota", "--let", "bob", "--workspace", "team").exitCode())
          .isEqualTo(ExitCodes.USAGE);
      cli.run("note", "add", "--workspace", "team", "--title", "Open page");
      CliRunner.Result open =
          cli.run(
              "note",
              "protect",
              "Open page",
              "--let",
              "bob",
              "--until",
              "2099-01-01T00:00",
              "--workspace",
              "team");
      assertThat(open.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(open.err()).contains("not protected");
    }
  }

  @Test
  void onAPersonalWorkspaceTheOwnerIsYouNotAKeyPrefix() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("solo"));
    CliRunner.Result added =
        cli.run("note", "add", "--title", "Handbook", "--protected", "--body", "Rules.");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    CliRunner.Result listed = cli.run("note", "protect", "Handbook");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("Handbook is edited by you");
  }
}
