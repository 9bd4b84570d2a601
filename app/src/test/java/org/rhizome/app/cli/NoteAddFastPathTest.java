package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.CliEnvironment;
import org.rhizome.app.data.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code note add} fast path reads a command line exactly as picocli does, or leaves it to
 * picocli; and a command it runs succeeds and fails as under picocli.
 */
class NoteAddFastPathTest {
  private static final String[] OPTIONS = {
    "--data", "--json", "--protected", "--workspace", "--title", "--folder", "--body", "--body-file"
  };

  /**
   * Words a command line is made of: the commands, options, values and what picocli treats apart.
   */
  private static final String[] NOISE = {
    "note",
    "add",
    "show",
    "x",
    "",
    " ",
    "a b",
    "-",
    "--",
    "-x",
    "--nope",
    "-h",
    "--help",
    "-V",
    "--version",
    "@args",
    "--private-to",
    "--data=/tmp/d",
    "--json=true",
    "--protected=false",
    "--title=",
    "--title=a=b",
    "--title=-x",
    "--title=--json",
    "--body=--title",
    "--body=@x",
    "--folder=Projects/2024",
    "--workspace=w",
    "--workspace=bad name",
    "--workspace=",
    "--body-file=-",
    "Personal",
    "ünï",
    "--TITLE",
    "--titl",
    "-t",
    "note add"
  };

  @Test
  void whatTheFastPathReadsPicocliReadsTheSame() {
    Random random = new Random(17);
    int accepted = 0;
    int cases = 2000;
    for (int n = 0; n < cases; n++) {
      String[] args = generate(random);
      NoteAddFastPath.Parsed fast = NoteAddFastPath.parse(args);
      if (fast == null) {
        continue;
      }
      accepted++;
      CommandLine commandLine = RhizomeCli.newCommandLine(environment(), args);
      ParseResult root;
      try {
        root = commandLine.parseArgs(args);
      } catch (CommandLine.ParameterException e) {
        fail("the fast path took %s, which picocli refuses: %s", List.of(args), e.getMessage());
        return;
      }
      String what = String.join(" | ", args);
      ParseResult add = root.subcommand() == null ? null : root.subcommand().subcommand();
      assertThat(add).as(what).isNotNull();
      assertThat(add.commandSpec().name()).as(what).isEqualTo("add");
      assertThat(root.isUsageHelpRequested() || root.isVersionHelpRequested()).isFalse();
      assertThat(add.unmatched()).as(what).isEmpty();
      assertThat(dataRoot(new RhizomeCommand(environment(), fast.data())))
          .as(what)
          .isEqualTo(dataRoot((RhizomeCommand) commandLine.getCommand()));
      assertThat(fast.title()).as(what).isEqualTo(add.matchedOptionValue("--title", null));
      assertThat(fast.folder()).as(what).isEqualTo(add.matchedOptionValue("--folder", ""));
      assertThat(fast.json()).as(what).isEqualTo(add.matchedOptionValue("--json", false));
      assertThat(fast.protect()).as(what).isEqualTo(add.matchedOptionValue("--protected", false));
      assertThat(fast.workspace())
          .as(what)
          .isEqualTo(add.matchedOptionValue("--workspace", DataDirectory.DEFAULT_WORKSPACE));
      assertThat(fast.body()).as(what).isEqualTo(add.matchedOptionValue("--body", null));
      assertThat(fast.bodyFile()).as(what).isEqualTo(add.matchedOptionValue("--body-file", null));
    }
    // Not vacuous: many generated command lines are plain ones (about one in ten).
    assertThat(accepted).isGreaterThan(cases / 20);
  }

  @Test
  void plainCommandLinesTakeTheFastPathAndOthersDoNot() {
    assertThat(NoteAddFastPath.parse(args("note add --title T"))).isNotNull();
    assertThat(NoteAddFastPath.parse(args("--data /d note --data=/e add --title T"))).isNull();
    assertThat(NoteAddFastPath.parse(args("note --data /d add --json --title=T --body-file -")))
        .isEqualTo(
            new NoteAddFastPath.Parsed(Path.of("/d"), true, "personal", "T", false, "", null, "-"));
    for (String refused :
        List.of(
            "note add",
            "note add --title T --help",
            "note add --title T x",
            "note add --title T --private-to ann",
            "note add --title T --body a --body-file f",
            "note add --title @file",
            "note add --title -T",
            "note --json add --title T",
            "note add --title T --workspace ../x",
            "note show T",
            "--version")) {
      assertThat(NoteAddFastPath.parse(args(refused))).as(refused).isNull();
    }
  }

  @Test
  void aCommandRunsAndFailsAsUnderPicocli(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.writeString(dir.resolve("body.md"), "from a file [[Other]]");
    Files.write(dir.resolve("latin1.md"), new byte[] {(byte) 0xe9, 'x'});
    String dataArg = data.toString();
    // The same command lines in the same order, through the fast path and through picocli, on
    // workspaces in the same state: the same exit codes, the same stdout (but for the new ids) and
    // stderr.
    List<String[]> lines =
        List.of(
            new String[] {"--data", dataArg, "note", "add", "--title", "One", "--body", "b"},
            new String[] {"--data", dataArg, "note", "add", "--title", "One"},
            new String[] {"--data", dataArg, "note", "add", "--title", "one", "--folder", "F"},
            new String[] {"--data", dataArg, "note", "add", "--title", "", "--body", "b"},
            new String[] {"--data", dataArg, "note", "add", "--title", "A/B"},
            new String[] {"--data", dataArg, "note", "add", "--json", "--title", "Two"},
            new String[] {
              "--data",
              dataArg,
              "note",
              "add",
              "--title",
              "F",
              "--body-file",
              dir.resolve("body.md").toString()
            },
            new String[] {
              "--data",
              dataArg,
              "note",
              "add",
              "--title",
              "G",
              "--body-file",
              dir.resolve("missing.md").toString()
            },
            new String[] {
              "--data",
              dataArg,
              "note",
              "add",
              "--title",
              "H",
              "--body-file",
              dir.resolve("latin1.md").toString()
            },
            new String[] {"--data", dataArg, "note", "add", "--title", "I", "--body-file", "-"},
            new String[] {"--data", dataArg, "note", "add", "--title", "P", "--protected"},
            new String[] {"--data", dataArg, "note", "add", "--workspace", "team", "--title", "W"});
    List<String> fast = new ArrayList<>();
    List<String> picocli = new ArrayList<>();
    for (String[] line : lines) {
      assertThat(NoteAddFastPath.parse(line)).as(String.join(" ", line)).isNotNull();
      fast.add(ids(runFast(line)));
    }
    Path data2 = dir.resolve("data2");
    for (String[] line : lines) {
      String[] other = line.clone();
      other[1] = data2.toString();
      picocli.add(ids(runPicocli(other).replace(data2.toString(), dataArg)));
    }
    assertThat(fast).isEqualTo(picocli);
    assertThat(fast.get(1)).startsWith("exit 4"); // a taken title
    assertThat(fast.get(7)).startsWith("exit 4").contains("does not exist");
    assertThat(fast.get(11)).startsWith("exit 3").contains("No workspace \"team\"");
  }

  /** Without what differs between two data directories: new ids, and this device's key in them. */
  private static String ids(String output) {
    return output
        .replaceAll("own\\.[0-9a-f]{64}\\.", "own.KEY.")
        .replaceAll("01[0-9a-z]{24}", "ID");
  }

  private static String runFast(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Integer exit =
        NoteAddFastPath.run(
            stdin("from stdin"), args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).isNotNull();
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }

  private static String runPicocli(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RhizomeCli.newCommandLine(stdin("from stdin"), args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }

  private static String[] generate(Random random) {
    List<String> args = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      args.addAll(List.of("--data", "/tmp/d" + random.nextInt(3)));
    }
    args.add("note");
    if (random.nextInt(6) == 0) {
      args.addAll(List.of("--data", "/tmp/n"));
    }
    args.add("add");
    int options = random.nextInt(6);
    for (int i = 0; i < options; i++) {
      String option = OPTIONS[random.nextInt(OPTIONS.length)];
      args.add(option);
      if (!option.equals("--json") && !option.equals("--protected")) {
        args.add(random.nextInt(3) == 0 ? NOISE[random.nextInt(NOISE.length)] : "v" + i);
      }
    }
    if (random.nextInt(3) != 0) {
      args.add(random.nextInt(args.size() + 1), "--title");
      args.add(args.indexOf("--title") + 1, random.nextBoolean() ? "Title" : "a title");
    }
    int noise = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
    for (int i = 0; i < noise; i++) {
      args.add(random.nextInt(args.size() + 1), NOISE[random.nextInt(NOISE.length)]);
    }
    return args.toArray(String[]::new);
  }

  private static Path dataRoot(RhizomeCommand root) {
    return root.dataDirectory().root();
  }

  private static String[] args(String line) {
    return line.split(" ");
  }

  private static CliEnvironment environment() {
    return stdin("");
  }

  private static CliEnvironment stdin(String text) {
    return CliEnvironment.of(
        Map.of(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
