package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;

class RenameCommandIT {
  @TempDir Path data;

  @Test
  void renameKeepsBacklinksAndRewritesLinkText() {
    CliRunner cli = new CliRunner(data);
    String alpha = cli.add("Alpha", "The first.");
    String beta = cli.add("Beta", "See [[Alpha]] and [[alpha#Part|this part]].");

    JsonNode renamed = cli.json("note", "rename", "Alpha", "Omega", "--json");

    assertThat(renamed.get("id").asText()).isEqualTo(alpha);
    assertThat(renamed.get("oldTitle").asText()).isEqualTo("Alpha");
    assertThat(renamed.get("title").asText()).isEqualTo("Omega");
    assertThat(renamed.get("rewrittenNotes")).hasSize(1);
    assertThat(renamed.get("rewrittenNotes").get(0).asText()).isEqualTo(beta);
    assertThat(cli.json("note", "show", "Beta", "--json").get("body").asText())
        .isEqualTo("See [[Omega]] and [[Omega#Part|this part]].");
    JsonNode linked = cli.json("backlinks", "Omega", "--json").get("linked");
    assertThat(linked).hasSize(2);
    assertThat(linked.get(0).get("source").get("id").asText()).isEqualTo(beta);
    assertThat(cli.run("note", "show", "Alpha").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(cli.json("unresolved", "--json").get("unresolved")).isEmpty();
  }

  @Test
  void renameToATakenTitleIsInvalidInput() {
    CliRunner cli = new CliRunner(data);
    cli.add("Alpha", "");
    cli.add("Beta", "");

    CliRunner.Result result = cli.run("note", "rename", "Alpha", "beta");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("rhizome: A note titled \"beta\" already exists.\n");
  }
}
