package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rhizome.app.cli.common.CliEnvironment;
import picocli.CommandLine;

/**
 * Which commands the command line registers for a given argument list, and that help and errors
 * still see all.
 */
class RhizomeCliTest {
  @Test
  void aNamedCommandIsRegisteredAlone() {
    assertThat(RhizomeCli.commandsFor(new String[] {"note", "add", "--title", "T"}))
        .containsExactly(NoteCommand.class);
    assertThat(RhizomeCli.commandsFor(new String[] {"--data", "/d", "search", "x"}))
        .containsExactly(SearchCommand.class);
    assertThat(RhizomeCli.commandsFor(new String[] {"--data=/d", "status"}))
        .containsExactly(StatusCommand.class);
    assertThat(RhizomeCli.commandsFor(new String[] {"--data", "status", "note"}))
        .containsExactly(NoteCommand.class);
  }

  @Test
  void helpUnknownOptionsArgumentFilesAndTyposSeeEveryCommand() {
    for (String[] args :
        new String[][] {
          {"--help"},
          {"-h"},
          {"--nope", "note"},
          {"@args.txt"},
          {"nte", "add"},
          {"--data", "/d", "-h"}
        }) {
      assertThat(RhizomeCli.commandsFor(args))
          .as(String.join(" ", args))
          .isEqualTo(RhizomeCommand.SUBCOMMANDS);
    }
    assertThat(RhizomeCli.commandsFor(null)).isEqualTo(RhizomeCommand.SUBCOMMANDS);
  }

  @Test
  void aNamedNoteCommandIsRegisteredAloneInItsGroup() {
    var group = NoteCommand.SUBCOMMANDS;
    assertThat(RhizomeCli.groupCommandsFor(new String[] {"note", "add", "--title", "T"}, group))
        .containsExactly(NoteAddCommand.class);
    assertThat(
            RhizomeCli.groupCommandsFor(
                new String[] {"--data", "add", "note", "--data=/d", "show", "add"}, group))
        .containsExactly(NoteShowCommand.class);
    for (String[] args :
        new String[][] {
          {"note"}, {"note", "--help"}, {"note", "-h", "add"}, {"note", "ad"}, {"note", "@a.txt"}
        }) {
      assertThat(RhizomeCli.groupCommandsFor(args, group))
          .as(String.join(" ", args))
          .isEqualTo(group);
    }
    assertThat(RhizomeCli.groupCommandsFor(null, group)).isEqualTo(group);
  }

  @Test
  void theWindowAndTheVersionNeedNoCommand() {
    assertThat(RhizomeCli.commandsFor(new String[0])).isEmpty();
    assertThat(RhizomeCli.commandsFor(new String[] {"--data", "/d"})).isEmpty();
    assertThat(RhizomeCli.commandsFor(new String[] {"--version"})).isEmpty();
  }

  @Test
  void helpAndSuggestionsAreThoseOfTheFullCommandLine() {
    assertThat(run("--help")).isEqualTo(runAll("--help"));
    assertThat(run("nte")).isEqualTo(runAll("nte")).contains("Did you mean: rhizome note");
    assertThat(run("note", "add", "--help"))
        .isEqualTo(runAll("note", "add", "--help"))
        .contains("--data=DIR");
    assertThat(run("--version")).isEqualTo(runAll("--version"));
    assertThat(run("note", "--help")).isEqualTo(runAll("note", "--help")).contains("share");
    assertThat(run("note")).isEqualTo(runAll("note")).contains("Missing a note command");
    assertThat(run("note", "ad"))
        .isEqualTo(runAll("note", "ad"))
        .contains("Did you mean: note add");
    assertThat(run("note", "add", "--body", "x"))
        .isEqualTo(runAll("note", "add", "--body", "x"))
        .startsWith("exit 2")
        .contains("--title");
    assertThat(run("note", "--data", "/nonexistent/d", "show", "--help"))
        .isEqualTo(runAll("note", "--data", "/nonexistent/d", "show", "--help"))
        .contains("--data=DIR");
  }

  private static String run(String... args) {
    return capture(RhizomeCli.newCommandLine(environment(), args), args);
  }

  private static String runAll(String... args) {
    return capture(RhizomeCli.newCommandLine(environment()), args);
  }

  private static CliEnvironment environment() {
    return CliEnvironment.of(Map.of(), new ByteArrayInputStream(new byte[0]));
  }

  private static String capture(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(out, true));
    int exit = commandLine.execute(args);
    return "exit " + exit + "\n" + out;
  }
}
