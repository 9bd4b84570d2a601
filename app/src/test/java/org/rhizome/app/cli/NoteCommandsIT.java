package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;

class NoteCommandsIT {
  @TempDir Path data;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(data);
  }

  @Test
  void addPrintsTheNewIdAndShowReadsTheNoteBack() {
    String id = cli.add("Alpha", "First note. #idea\n");

    assertThat(id).matches("[0-9a-z]{26}");
    JsonNode note = cli.json("note", "show", "Alpha", "--json");
    assertThat(note.get("id").asText()).isEqualTo(id);
    assertThat(note.get("title").asText()).isEqualTo("Alpha");
    assertThat(note.get("body").asText()).isEqualTo("First note. #idea\n");
    assertThat(note.get("tags").get(0).asText()).isEqualTo("idea");
    assertThat(note.get("created").asText()).endsWith("Z");
    assertThat(cli.json("note", "show", id, "--json").get("title").asText()).isEqualTo("Alpha");
  }

  @Test
  void showAsTextPrintsTheTitleFieldsAndBody() {
    String id = cli.add("Alpha", "Body line.");

    CliRunner.Result shown = cli.run("note", "show", "alpha");

    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out())
        .startsWith("Alpha\n")
        .contains("id        " + id)
        .endsWith("\nBody line.\n");
  }

  @Test
  void addWithJsonPrintsIdAndTitle() {
    JsonNode added = cli.json("note", "add", "--title", "  Padded  ", "--json");

    assertThat(added.get("title").asText()).isEqualTo("Padded");
    assertThat(added.get("id").asText()).hasSize(26);
  }

  @Test
  void listShowsEveryNoteByTitle() {
    cli.add("Beta", "");
    cli.add("Alpha", "");

    JsonNode list = cli.json("note", "list", "--json").get("notes");

    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("title").asText()).isEqualTo("Alpha");
    assertThat(list.get(1).get("title").asText()).isEqualTo("Beta");
    assertThat(cli.run("note", "list").out()).contains("  Alpha\n").contains("  Beta\n");
    assertThat(cli.json("note", "list", "--limit", "1", "--json").get("notes")).hasSize(1);
  }

  @Test
  void bodyFileAndStdinSetTheBody(@TempDir Path files) throws Exception {
    Path file = files.resolve("body.md");
    Files.writeString(file, "From a file, with ünïcode.\n", StandardCharsets.UTF_8);
    cli.run("note", "add", "--title", "Alpha", "--body-file", file.toString());
    cli.runWithStdin("From stdin.\n", "note", "add", "--title", "Beta", "--body-file", "-");

    assertThat(cli.json("note", "show", "Alpha", "--json").get("body").asText())
        .isEqualTo("From a file, with ünïcode.\n");
    assertThat(cli.json("note", "show", "Beta", "--json").get("body").asText())
        .isEqualTo("From stdin.\n");
  }

  @Test
  void editReplacesTheBody(@TempDir Path files) throws Exception {
    cli.add("Alpha", "old");
    Path file = files.resolve("new.md");
    Files.writeString(file, "new [[Beta]]");

    CliRunner.Result edited = cli.run("note", "edit", "Alpha", "--body-file", file.toString());

    assertThat(edited.exitCode()).isZero();
    assertThat(cli.json("note", "show", "Alpha", "--json").get("body").asText())
        .isEqualTo("new [[Beta]]");
    assertThat(cli.json("unresolved", "--json").get("unresolved").get(0).get("target").asText())
        .isEqualTo("Beta");
  }

  @Test
  void deleteRemovesTheNote() {
    String id = cli.add("Alpha", "");

    JsonNode deleted = cli.json("note", "delete", "Alpha", "--json");

    assertThat(deleted.get("id").asText()).isEqualTo(id);
    assertThat(cli.run("note", "show", "Alpha").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(cli.json("note", "list", "--json").get("notes")).isEmpty();
  }
}
