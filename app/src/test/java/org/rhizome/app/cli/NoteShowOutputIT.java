package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.CliEnvironment;
import picocli.CommandLine;

/**
 * {@code note show} reaches a buffered stdout, as the real one is, and never prints raw escapes to
 * a terminal.
 */
class NoteShowOutputIT {
  @TempDir Path data;

  /**
   * Runs the CLI with stdout as picocli makes it for System.out (buffered, flushing only on
   * println), not flushed after.
   */
  String runBuffered(boolean terminal, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CommandLine commandLine =
        RhizomeCli.newCommandLine(
            new CliEnvironment(
                Map.of(),
                new java.io.ByteArrayInputStream(new byte[0]),
                System.getProperty("os.name"),
                data.resolve("home"),
                terminal));
    commandLine.setOut(
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8)), true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    List<String> all = new java.util.ArrayList<>(List.of("--data", data.toString()));
    all.addAll(List.of(args));
    assertThat(commandLine.execute(all.toArray(String[]::new))).isZero();
    return bytes.toString(
        StandardCharsets.UTF_8); // no flush here: what a System.exit right after would leave
  }

  @Test
  void aBodyEndingInANewlineIsPrinted() {
    new CliRunner(data).add("Lines", "first line\nsecond line\n");
    assertThat(runBuffered(false, "note", "show", "Lines"))
        .startsWith("Lines\n")
        .endsWith("\nfirst line\nsecond line\n");
  }

  @Test
  void escapesInABodyAreShownNotObeyedOnATerminalAndKeptExactInJson() {
    String body = "clear \u001b[2J\u001b]0;pwned\u0007 bell\ttab\r\nline\rover \u202Eevil\n";
    new CliRunner(data).add("Tricky", body);
    String shown = runBuffered(true, "note", "show", "Tricky");
    assertThat(shown)
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .doesNotContain("\r")
        .doesNotContain("\u202E");
    assertThat(shown).endsWith("clear \\e[2J\\e]0;pwned\\x07 bell\ttab\nline\\rover \\u202Eevil\n");
    // not a terminal (a pipe, a file): the body as it is
    assertThat(runBuffered(false, "note", "show", "Tricky")).endsWith(body);
    // JSON: exact, whatever stdout is
    String json = runBuffered(true, "note", "show", "Tricky", "--json");
    assertThat(new CliRunner(data).json("note", "show", "Tricky", "--json").get("body").asText())
        .isEqualTo(body);
    assertThat(json).contains("\\u001B[2J");
  }
}
