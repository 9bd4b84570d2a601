package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.Soul;

/**
 * {@code note add --private-to}, {@code note share --with/--unshare} on a real data directory, with
 * two other members on their own files exchanging real changes with it (decision 0008).
 */
class PrivateNoteCommandsIT {
  @TempDir Path dir;

  @Test
  void aPrivateNoteIsReadOnlyByItsReadersAndSharingChangesWho() throws Exception {
    Path data = dir.resolve("alice");
    CliRunner cli = new CliRunner(data);
    cli.json("workspace", "create", "team", "--member-name", "alice", "--json");
    MemberCommandsIT members = new MemberCommandsIT();
    members.dir = dir;
    try (Workspace bob = members.joinFromOutside(data, "bob", Role.WRITER, Grant.MEMBER);
        Workspace carol = members.joinFromOutside(data, "carol", Role.WRITER, Grant.MEMBER)) {
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, bob);
        MemberCommandsIT.sync(a, carol);
      }
      JsonNode added =
          cli.json(
              "note",
              "add",
              "--workspace",
              "team",
              "--title",
              "Salaries",
              "--private-to",
              "bob",
              "--body",
              "qqsecretbody [[Qqhidden target]]",
              "--json");
      Soul note = new Soul(added.path("id").asText());
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, bob);
        MemberCommandsIT.sync(a, carol);
      }
      assertThat(bob.search("qqsecretbody", 5)).hasSize(1);
      assertThat(carol.search("qqsecretbody", 5)).isEmpty();
      assertThat(carol.unresolvedLinks(10)).isEmpty();
      assertThat(cli.json("note", "list", "--workspace", "team", "--json").path("notes"))
          .extracting(n -> n.path("title").asText())
          .contains("Salaries");

      CliRunner.Result readers = cli.run("note", "share", "Salaries", "--workspace", "team");
      assertThat(readers.exitCode()).as(readers.toString()).isZero();
      assertThat(readers.out()).contains("alice").contains("bob").doesNotContain("carol");

      JsonNode shared =
          cli.json("note", "share", "Salaries", "--with", "carol", "--workspace", "team", "--json");
      assertThat(shared.path("readers")).extracting(JsonNode::asText).contains("carol");
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, carol);
      }
      assertThat(carol.search("qqsecretbody", 5)).hasSize(1);

      cli.json("note", "share", "Salaries", "--unshare", "bob", "--workspace", "team", "--json");
      CliRunner.Result edit =
          cli.run("note", "edit", "Salaries", "--workspace", "team", "--body", "qqlaterbody only");
      assertThat(edit.exitCode()).as(edit.toString()).isZero();
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, bob);
        MemberCommandsIT.sync(a, carol);
      }
      assertThat(carol.search("qqlaterbody", 5)).hasSize(1);
      assertThat(bob.search("qqlaterbody", 5)).isEmpty();

      // Errors: both kinds at once, an unknown person, a note that is not private.
      CliRunner.Result both =
          cli.run(
              "note",
              "add",
              "--workspace",
              "team",
              "--title",
              "X",
              "--protected",
              "--private-to",
              "bob");
      assertThat(both.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      CliRunner.Result nobody =
          cli.run("note", "add", "--workspace", "team", "--title", "Y", "--private-to", "nobody");
      assertThat(nobody.exitCode()).as(nobody.toString()).isEqualTo(ExitCodes.NOT_FOUND);
      cli.run("note", "add", "--workspace", "team", "--title", "Open page");
      CliRunner.Result open =
          cli.run("note", "share", "Open page", "--with", "bob", "--workspace", "team");
      assertThat(open.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(open.err()).contains("not private");
    }
  }
}
