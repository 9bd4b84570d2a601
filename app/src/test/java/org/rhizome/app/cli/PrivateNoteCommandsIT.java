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

  @Test
  void filesOfAPrivateNoteAreAttachedSealedAndSavedByReaders() throws Exception {
    Path data = dir.resolve("alice");
    CliRunner cli = new CliRunner(data);
    cli.json("workspace", "create", "team", "--member-name", "alice", "--json");
    MemberCommandsIT members = new MemberCommandsIT();
    members.dir = dir;
    try (Workspace bob = members.joinFromOutside(data, "bob", Role.WRITER, Grant.MEMBER)) {
      cli.json(
          "note",
          "add",
          "--workspace",
          "team",
          "--title",
          "Lease",
          "--private-to",
          "bob",
          "--json");
      Path file = dir.resolve("lease.txt");
      java.nio.file.Files.writeString(file, "Qqleasemarker clause one");
      JsonNode attached =
          cli.json("note", "attach", "Lease", file.toString(), "--workspace", "team", "--json");
      assertThat(attached.path("files"))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.path("name").asText()).isEqualTo("lease.txt");
                assertThat(f.path("size").asLong()).isEqualTo(24);
                assertThat(f.path("mime").asText()).isEqualTo("text/plain");
              });
      Path out = dir.resolve("saved.txt");
      CliRunner.Result saved =
          cli.run(
              "note",
              "attach",
              "Lease",
              "--save",
              "lease.txt",
              "--to",
              out.toString(),
              "--workspace",
              "team");
      assertThat(saved.exitCode()).as(saved.toString()).isZero();
      assertThat(java.nio.file.Files.readString(out)).isEqualTo("Qqleasemarker clause one");

      // Bob reads the note: after a sync and the blob fetch, he opens the file too.
      try (Workspace a = members.mine(data)) {
        MemberCommandsIT.sync(a, bob);
        for (String hash : bob.missingBlobs(10)) {
          bob.storeBlobAsync(a.blob(hash).orElseThrow()).get();
        }
        assertThat(
                new String(
                    java.nio.file.Files.readAllBytes(a.file()),
                    java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain("Qqleasemarker");
      }
      Soul lease = bob.resolve("Lease").orElseThrow().soul();
      assertThat(bob.privateAttachmentBytes(lease, "lease.txt"))
          .hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("Qqleasemarker clause one"));

      // Errors: a note that is not private, a missing file, --save without --to.
      cli.run("note", "add", "--workspace", "team", "--title", "Open page");
      assertThat(
              cli.run("note", "attach", "Open page", file.toString(), "--workspace", "team")
                  .exitCode())
          .isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(
              cli.run(
                      "note",
                      "attach",
                      "Lease",
                      dir.resolve("none").toString(),
                      "--workspace",
                      "team")
                  .exitCode())
          .isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(
              cli.run("note", "attach", "Lease", "--save", "lease.txt", "--workspace", "team")
                  .exitCode())
          .isEqualTo(ExitCodes.INVALID_INPUT);
    }
  }
}
