package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rhizome trash list|restore|empty} on a real data directory. */
class TrashCommandsIT {
  @TempDir Path data;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(data);
  }

  @Test
  void deletedNoteIsListedAndRestoredWithItsLinks() {
    String hub = cli.add("Hub", "the hub");
    String plan = cli.add("Plan", "# The plan\nsee [[Hub]] #work\n");
    assertThat(cli.run("note", "delete", "Plan").exitCode()).isZero();
    assertThat(cli.json("backlinks", "Hub", "--json").get("linked")).isEmpty();

    JsonNode listing = cli.json("trash", "list", "--json");
    assertThat(listing.get("total").asInt()).isEqualTo(1);
    JsonNode item = listing.get("trash").get(0);
    assertThat(item.get("id").asText()).isEqualTo(plan);
    assertThat(item.get("title").asText()).isEqualTo("Plan");
    assertThat(item.get("folder").asText()).isEmpty();
    assertThat(item.get("deleted").asText()).endsWith("Z");
    assertThat(item.get("deletedBy").get("you").asBoolean()).isTrue();
    assertThat(item.get("deletedBy").get("actor").asText()).hasSize(64);
    assertThat(item.get("firstLine").asText()).isEqualTo("The plan");

    CliRunner.Result text = cli.run("trash", "list");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains(plan).contains("you").contains("Plan");

    CliRunner.Result shown = cli.run("note", "show", "Plan");
    assertThat(shown.exitCode()).isEqualTo(3);
    assertThat(shown.err()).contains("is in the trash").contains("trash restore " + plan);

    JsonNode restored = cli.json("trash", "restore", "plan", "--json");
    assertThat(restored.get("id").asText()).isEqualTo(plan);
    assertThat(restored.get("title").asText()).isEqualTo("Plan");
    assertThat(restored.get("formerTitle").asText()).isEqualTo("Plan");
    assertThat(cli.json("note", "show", "Plan", "--json").get("body").asText())
        .isEqualTo("# The plan\nsee [[Hub]] #work\n");
    assertThat(
            cli.json("backlinks", hub, "--json")
                .get("linked")
                .get(0)
                .get("source")
                .get("id")
                .asText())
        .isEqualTo(plan);
    assertThat(cli.json("trash", "list", "--json").get("trash")).isEmpty();
    assertThat(cli.run("trash", "list").out()).isEqualTo("The trash is empty.\n");
  }

  @Test
  void restoringUnderATakenTitleSaysSo() {
    cli.add("Ideas", "old");
    cli.run("note", "delete", "Ideas");
    cli.add("Ideas", "new");
    CliRunner.Result r = cli.run("trash", "restore", "Ideas");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Restored \"Ideas (restored)\"")
        .contains("\"Ideas\" is taken there");
  }

  @Test
  void restoreOfSomethingNotInTheTrashIsNotFound() {
    cli.add("Alive", "");
    CliRunner.Result r = cli.run("trash", "restore", "Alive");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("No deleted note has the id, path or title \"Alive\"");
    assertThat(cli.run("trash", "restore", "nothing-here").exitCode()).isEqualTo(3);
    assertThat(cli.run("trash").exitCode()).isEqualTo(2);
  }

  @Test
  void emptyNeedsYesThenClearsTheDeletedNotes() {
    cli.add("Keep", "kept");
    String gone = cli.add("Gone", "secret");
    cli.run("note", "delete", "Gone");

    CliRunner.Result refused = cli.run("trash", "empty");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--yes").contains("1 deleted notes");
    assertThat(cli.json("trash", "list", "--json").get("total").asInt()).isEqualTo(1);

    assertThat(cli.json("trash", "empty", "--yes", "--json").get("emptied").asInt()).isEqualTo(1);
    assertThat(cli.json("trash", "list", "--json").get("total").asInt()).isZero();
    assertThat(cli.run("trash", "restore", gone).exitCode()).isEqualTo(3);
    assertThat(cli.run("search", "secret").out()).doesNotContain(gone);
    assertThat(cli.json("note", "list", "--json").get("notes")).hasSize(1);
    assertThat(cli.run("trash", "empty", "--yes").out())
        .isEqualTo("The trash was already empty.\n");
  }
}
