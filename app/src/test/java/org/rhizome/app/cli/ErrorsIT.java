package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;

class ErrorsIT {
  @TempDir Path data;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(data);
  }

  @Test
  void missingNoteExitsNotFound() {
    CliRunner.Result result = cli.run("note", "show", "Nowhere");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err())
        .isEqualTo("rhizome: No note has the id, title or alias \"Nowhere\".\n");
    assertThat(result.out()).isEmpty();
    assertThat(cli.run("backlinks", "Nowhere", "--json").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void badTitleExitsInvalidInput() {
    CliRunner.Result result = cli.run("note", "add", "--title", "a [[b]]");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("rhizome: A title cannot contain '['")
        .doesNotContain("\tat ");
    assertThat(cli.run("note", "add", "--title", "   ").exitCode())
        .isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void takenTitleExitsInvalidInput() {
    cli.add("Alpha", "");

    CliRunner.Result result = cli.run("note", "add", "--title", "ALPHA");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("already exists");
  }

  @Test
  void unreadableBodyFileExitsInvalidInput() {
    Path missing = data.resolve("no-such.md");

    CliRunner.Result result =
        cli.run("note", "add", "--title", "Alpha", "--body-file", missing.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("rhizome: The body file " + missing + " does not exist.\n");
  }

  @Test
  void corruptDatabaseExitsStorageNamingTheFile() throws Exception {
    Path db = data.resolve("workspaces").resolve("personal.db");
    Files.createDirectories(db.getParent());
    Files.writeString(
        db,
        "this is not an SQLite database, just text that got here somehow",
        StandardCharsets.UTF_8);

    CliRunner.Result result = cli.run("note", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(result.err())
        .startsWith("rhizome: ")
        .contains(db.toString())
        .contains("not a database")
        .doesNotContain("\tat ")
        .hasLineCount(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void newerSchemaExitsStorageAndLeavesTheFileAlone() throws Exception {
    cli.add("Alpha", "");
    Path db = data.resolve("workspaces").resolve("personal.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 999");
    }
    byte[] before = Files.readAllBytes(db);

    CliRunner.Result result = cli.run("status", "--json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(result.err()).contains(db.toString()).contains("schema version 999").hasLineCount(1);
    assertThat(result.out()).isEmpty();
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void damagedDeviceKeyExitsStorageNamingTheFile() throws Exception {
    Files.createDirectories(data);
    Files.write(data.resolve("device.key"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    CliRunner.Result result = cli.run("note", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(result.err()).contains(data.resolve("device.key").toString()).hasLineCount(1);
  }

  @Test
  void usageErrorsExitTwoWithAHint() {
    CliRunner.Result unknown = cli.run("note", "frobnicate");
    CliRunner.Result missingTitle = cli.run("note", "add");
    CliRunner.Result bothBodies =
        cli.run("note", "add", "--title", "A", "--body", "x", "--body-file", "y");
    CliRunner.Result noNoteCommand = cli.run("note");

    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).startsWith("rhizome: Unmatched argument");
    assertThat(missingTitle.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingTitle.err()).contains("--title").contains("Try 'rhizome note add --help'.");
    assertThat(bothBodies.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noNoteCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("search", "x", "--limit", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void errorsAreLoggedWithTheirCauseInTheDataDirectory() throws Exception {
    cli.run("note", "show", "Nowhere");

    Path log = data.resolve("logs").resolve("rhizome.log");
    assertThat(log).exists();
    assertThat(Files.readString(log))
        .contains("rhizome note show failed: No note has the id, title or alias");
  }
}
