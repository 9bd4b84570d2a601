package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.Main;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.store.DamageMarker;

/**
 * Issue 18, items 2, 4, 6 and 8 as a user meets them: damaged files, check and repair, huge bodies,
 * no logs/.
 */
class DamageIT {
  @TempDir Path data;
  CliRunner cli;
  Path file;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(data);
    file = new DataDirectory(data).defaultWorkspaceFile();
  }

  @Test
  void flippedStateIsFoundRefusedAndRepairedFromTheLog() throws Exception {
    for (int i = 0; i < 10; i++) {
      cli.add("Note " + i, "the body of note " + i + " [[Note " + (i + 1) + "]] #tag" + i);
    }
    assertThat(cli.run("check").exitCode()).isZero();
    // Flip one char of a note's stored text, as a bad sector would: the log still has the truth.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement read =
            c.prepareStatement(
                "SELECT f.soul, f.value FROM field f JOIN note n ON n.soul = f.soul"
                    + " WHERE f.name = 'body' AND n.title = 'Note 3'");
        ResultSet rs = read.executeQuery()) {
      rs.next();
      byte[] value = rs.getBytes(2);
      value[value.length - 1] ^= 0x02;
      try (PreparedStatement w =
          c.prepareStatement("UPDATE field SET value = ? WHERE soul = ? AND name = 'body'")) {
        w.setBytes(1, value);
        w.setString(2, rs.getString(1));
        w.executeUpdate();
      }
    }
    // Reading it finds it first: the text fails its checksum, so no wrong text is shown.
    CliRunner.Result show = cli.run("note", "show", "Note 3");
    assertThat(show.exitCode()).as(show.toString()).isEqualTo(ExitCodes.STORAGE);
    assertThat(show.out()).doesNotContain("the body of note");
    assertThat(show.err())
        .contains(file.toString())
        .contains("\"Note 3\"")
        .contains("checksum")
        .contains("rhizome check")
        .contains("rhizome repair")
        .doesNotContain("\tat ");
    assertThat(DamageMarker.fileFor(file)).exists();

    CliRunner.Result check = cli.run("check", "--json");
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(check.json().get("ok").asBoolean()).isFalse();
    assertThat(check.json().get("damagedTexts").asLong()).isEqualTo(1);
    assertThat(check.json().get("stateMatchesLog").asBoolean()).isFalse();
    assertThat(check.json().get("workspace").asText()).isEqualTo("personal");
    assertThat(DamageMarker.fileFor(file)).exists();

    CliRunner.Result refused = cli.run("note", "add", "--title", "Into a damaged file");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(refused.err())
        .contains(file.toString())
        .contains("rhizome repair")
        .doesNotContain("\tat ");

    JsonNode repair = cli.json("repair", "--json");
    assertThat(repair.get("changesLost").asLong()).isZero();
    assertThat(repair.get("notes").asLong()).isEqualTo(10);
    assertThat(Path.of(repair.get("kept").asText())).exists();
    assertThat(DamageMarker.fileFor(file)).doesNotExist();

    assertThat(cli.run("check").exitCode()).isZero();
    assertThat(cli.run("note", "show", "Note 3").out())
        .contains("the body of note 3 [[Note 4]] #tag3");
    assertThat(cli.run("note", "add", "--title", "After the repair").exitCode()).isZero();
  }

  @Test
  void aDamagedChangeIsReportedAndTheRestIsSalvaged() throws Exception {
    for (int i = 0; i < 20; i++) {
      cli.add("Note " + i, "body " + i);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement read =
            c.prepareStatement("SELECT id, body FROM change_log ORDER BY id DESC LIMIT 1");
        ResultSet rs = read.executeQuery()) {
      rs.next();
      byte[] body = rs.getBytes(2);
      body[body.length / 2] ^= 0x40;
      try (PreparedStatement w =
          c.prepareStatement("UPDATE change_log SET body = ? WHERE id = ?")) {
        w.setBytes(1, body);
        w.setLong(2, rs.getLong(1));
        w.executeUpdate();
      }
    }
    CliRunner.Result check = cli.run("check");
    assertThat(check.exitCode()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(check.out()).contains("rhizome repair");
    JsonNode repair = cli.json("repair", "--json");
    assertThat(repair.get("changesLost").asLong()).isEqualTo(1);
    assertThat(repair.get("notes").asLong()).isEqualTo(19);
    assertThat(cli.run("check").exitCode()).isZero();
  }

  @Test
  void exportWritesEveryReadableNoteAndReportsTheOthers() throws Exception {
    for (int i = 0; i < 5; i++) {
      cli.add("Note " + i, "body " + i);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement w =
            c.prepareStatement(
                "UPDATE field SET value = X'FFFFFFFF' WHERE name = 'body' AND soul ="
                    + " (SELECT soul FROM note WHERE title = 'Note 0')")) {
      assertThat(w.executeUpdate()).isEqualTo(1);
    }
    Path out = data.resolve("export");
    CliRunner.Result export = cli.run("export", out.toString(), "--json");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.json().get("notesWritten").asInt()).isEqualTo(4);
    assertThat(export.json().get("workspace").asText()).isEqualTo("personal");
    assertThat(export.json().get("problems").toString())
        .contains("Note 0.md")
        .contains("cannot be read");
    assertThat(out.resolve("Note 4.md")).hasContent("body 4");
  }

  @Test
  void anEmptyWorkspaceFileIsNeverReplacedByANewOne() throws Exception {
    Files.createDirectories(file.getParent());
    Files.createFile(file);
    CliRunner.Result status = cli.run("status");
    assertThat(status.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(status.err()).contains(file.toString()).contains("0 bytes").doesNotContain("\tat ");
    assertThat(Files.size(file)).isZero();
    assertThat(cli.run("note", "add", "--title", "x").exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(Files.size(file)).isZero();
    assertThat(cli.run("check").exitCode()).isEqualTo(ExitCodes.DAMAGED);
    CliRunner.Result repair = cli.run("repair");
    assertThat(repair.exitCode()).isEqualTo(ExitCodes.STORAGE);
    assertThat(repair.err()).contains("nothing in it can be read").contains("backup");
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void bodiesPastTheLimitAreAUsageErrorAndReadNoFurther() {
    String max = "a".repeat(BodyOptions.MAX_BODY_BYTES);
    assertThat(
            cli.runWithStdin(max, "note", "add", "--title", "Largest", "--body-file", "-")
                .exitCode())
        .isZero();
    CliRunner.Result over =
        cli.runWithStdin(max + "b", "note", "add", "--title", "Too large", "--body-file", "-");
    assertThat(over.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(over.err()).contains("too large").contains("1 MiB").doesNotContain("internal error");
    assertThat(cli.run("note", "add", "--title", "Too large", "--body", max + "é").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void anUnwritableLogsDirectoryCostsOneLineOnStderrAndKeepsStdoutClean() throws Exception {
    Files.createDirectories(data);
    Files.writeString(data.resolve("logs"), "a file where the logs directory should be");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                data.toString(),
                "status",
                "--json"));
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(new ObjectMapper().readTree(out).get("notes").asLong()).isZero();
    assertThat(err.lines().toList()).as(err).hasSize(1);
    assertThat(err).startsWith("rhizome: warning: cannot write the log in " + data.resolve("logs"));
  }
}
