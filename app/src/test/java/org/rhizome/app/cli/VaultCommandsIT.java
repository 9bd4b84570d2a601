package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;

class VaultCommandsIT {
  @TempDir Path tmp;

  @Test
  void importThenExportGivesTheSameFilesBack() throws Exception {
    Path vault = Files.createDirectories(tmp.resolve("vault/Projects"));
    Files.writeString(vault.resolve("Plan.md"), "---\ntags: [work]\n---\n# Plan\nsee [[Home]]\n");
    Files.writeString(tmp.resolve("vault/Home.md"), "home [[Plan]]\n");
    Files.write(tmp.resolve("vault/bad.md"), new byte[] {(byte) 0xFF, 'x'});
    CliRunner cli = new CliRunner(tmp.resolve("data"));

    JsonNode imported = cli.json("import", tmp.resolve("vault").toString(), "--json");
    assertThat(imported.get("notesCreated").asInt()).isEqualTo(2);
    assertThat(imported.get("attachmentsStored").asInt()).isEqualTo(1);
    assertThat(imported.get("problems").get(0).asText())
        .startsWith("bad.md: ")
        .contains("not UTF-8");
    assertThat(cli.json("backlinks", "Projects/Plan", "--json").get("linked")).hasSize(1);

    JsonNode again = cli.json("import", tmp.resolve("vault").toString(), "--json");
    assertThat(again.get("notesUnchanged").asInt()).isEqualTo(2);

    Path out = tmp.resolve("out");
    JsonNode exported = cli.json("export", out.toString(), "--json");
    assertThat(exported.get("notesWritten").asInt()).isEqualTo(2);
    assertThat(Files.readString(out.resolve("Projects/Plan.md")))
        .isEqualTo("---\ntags: [work]\n---\n# Plan\nsee [[Home]]\n");
    assertThat(Files.readAllBytes(out.resolve("bad.md"))).containsExactly(0xFF, 'x');
  }

  /**
   * Scripts parse the text output: off a terminal, import and export print exactly their summary,
   * no progress.
   */
  @Test
  void offATerminalTheOutputIsOnlyTheSummary() throws Exception {
    Path vault = Files.createDirectories(tmp.resolve("vault"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(vault.resolve("N" + i + ".md"), "note " + i + "\n");
    }
    CliRunner cli = new CliRunner(tmp.resolve("data"));
    CliRunner.Result imported = cli.run("import", vault.toString());
    assertThat(imported.err()).isEmpty();
    assertThat(imported.out())
        .matches(
            "Imported \\Q"
                + vault
                + "\\E in \\d+\\.\\d s: 5 notes created, 0 updated, 0 unchanged; "
                + "0 attachments stored, 0 unchanged\\.\n");
    Path out = tmp.resolve("out");
    CliRunner.Result exported = cli.run("export", out.toString());
    assertThat(exported.err()).isEmpty();
    assertThat(exported.out())
        .matches(
            "Exported to \\Q"
                + out
                + "\\E in \\d+\\.\\d s: 5 notes written, 0 unchanged; "
                + "0 attachments written, 0 unchanged\\.\n");
  }

  @Test
  void notesCanBeAddedInFoldersAndMoved() {
    CliRunner cli = new CliRunner(tmp.resolve("data"));
    cli.run("note", "add", "--title", "Ideas", "--folder", "A");
    cli.run("note", "add", "--title", "Ideas", "--folder", "B");
    cli.run("note", "add", "--title", "Linker", "--folder", "A", "--body", "[[Ideas]]");
    assertThat(cli.json("note", "show", "B/Ideas", "--json").get("folder").asText()).isEqualTo("B");
    JsonNode moved = cli.json("note", "move", "A/Linker", "B", "--json");
    assertThat(moved.get("oldFolder").asText()).isEqualTo("A");
    assertThat(moved.get("folder").asText()).isEqualTo("B");
    assertThat(cli.json("note", "show", "B/Linker", "--json").get("body").asText())
        .isEqualTo("[[A/Ideas]]");
  }

  @Test
  void mirrorSettingIsShownAndCleared() {
    CliRunner cli = new CliRunner(tmp.resolve("data"));
    Path dir = tmp.resolve("mirrored");
    assertThat(cli.json("mirror", dir.toString(), "--json").get("folder").asText())
        .isEqualTo(dir.toAbsolutePath().toString());
    assertThat(cli.json("mirror", "--json").get("folder").asText())
        .isEqualTo(dir.toAbsolutePath().toString());
    assertThat(cli.json("mirror", "--off", "--json").get("folder").isNull()).isTrue();
  }

  @Test
  void importOfAMissingFolderIsAStorageError() {
    CliRunner cli = new CliRunner(tmp.resolve("data"));
    CliRunner.Result r = cli.run("import", tmp.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(r.err()).contains("is not a folder");
  }
}
