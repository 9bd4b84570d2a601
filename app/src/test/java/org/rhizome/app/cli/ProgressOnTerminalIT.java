package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} and {@code export} as real processes: on a terminal (a pseudo-terminal made by
 * util-linux {@code script}) stderr carries a bar with counts and a rate, also when stdout goes to
 * a file; with {@code --json}, or with stderr not a terminal, nothing but the result.
 */
class ProgressOnTerminalIT {
  private static final int NOTES = 300;
  private static final long TIMEOUT_S = 180;

  @TempDir Path dir;

  @Test
  void aBarOnATerminalAndNothingElsewhere() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script");
    Path vault = dir.resolve("vault");
    Files.createDirectories(vault.resolve("sub"));
    for (int i = 0; i < NOTES; i++) {
      Files.writeString(
          vault.resolve((i % 2 == 0 ? "" : "sub/") + "Note " + i + ".md"),
          "# Note " + i + "\n\nsee [[Note " + (i + 1) + "]] #tag" + (i % 7) + "\n");
    }

    // On a terminal, stdout to a file: the bar still shows on stderr (the terminal).
    Path listing = dir.resolve("listing.txt");
    String onTerminal =
        underTerminal(
            command("--data", dir.resolve("a").toString(), "import", vault.toString())
                + " > "
                + listing);
    assertThat(onTerminal)
        .contains("[" + "#".repeat(30) + "]")
        .contains("/" + NOTES)
        .contains("/s");
    assertThat(Files.readString(listing)).contains("Imported").doesNotContain("[#");

    String exported =
        underTerminal(
            command(
                "--data", dir.resolve("a").toString(), "export", dir.resolve("out").toString()));
    assertThat(exported).contains("[" + "#".repeat(30) + "]").contains("Exported");

    // --json on a terminal: one JSON document, no bar.
    String json =
        underTerminal(
            command("--data", dir.resolve("b").toString(), "import", vault.toString(), "--json"));
    // (a terminal ends its lines with \r\n; a bar would start with \r and hold "[#")
    assertThat(json.replace("\r\n", "\n").strip())
        .startsWith("{")
        .endsWith("}")
        .doesNotContain("[#")
        .doesNotContain("\r");

    // Not on a terminal (pipes): no bar on stderr.
    Process plain =
        new ProcessBuilder(
                javaCommand("--data", dir.resolve("c").toString(), "import", vault.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(plain.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(plain.waitFor(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    assertThat(plain.exitValue()).isZero();
    assertThat(err).doesNotContain("[#").doesNotContain("\r");
  }

  /** Runs a shell command line on a pseudo-terminal; returns what the terminal showed. */
  private String underTerminal(String shellCommand) throws Exception {
    Process p =
        new ProcessBuilder("/usr/bin/script", "-qec", shellCommand, "/dev/null")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(shown).isZero();
    return shown;
  }

  private static String command(String... args) {
    StringBuilder b = new StringBuilder();
    for (String a : javaCommand(args)) {
      b.append('\'').append(a.replace("'", "'\\''")).append("' ");
    }
    return b.toString();
  }

  private static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.rhizome.app.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }
}
