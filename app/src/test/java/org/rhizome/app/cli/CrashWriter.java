package org.rhizome.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rhizome.app.cli.common.CliEnvironment;

/**
 * The victim of {@link CrashSafetyIT}, in its own JVM: runs {@code rhizome note add} through the
 * real command line again and again (each one opens, writes and closes the workspace, as a script
 * would), and prints {@code ACK title} once a command has exited 0, i.e. once the change is
 * acknowledged. Args: data directory, title prefix, how many notes at most.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    PrintStream ack = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      String title = prefix + "-" + i;
      StringWriter err = new StringWriter();
      // As Main runs it (a plain note add takes the path without picocli).
      String[] commandLine = {
        "--data",
        data.toString(),
        "note",
        "add",
        "--title",
        title,
        "--body",
        "written by "
            + prefix
            + " #crash [["
            + prefix
            + "-"
            + Math.max(0, i - 1)
            + "]]\n"
            + "text ".repeat(i % 50)
      };
      int code =
          RhizomeCli.execute(
              CliEnvironment.of(java.util.Map.of(), System.in),
              commandLine,
              new PrintWriter(new StringWriter()),
              new PrintWriter(err, true));
      if (code != 0) {
        ack.println("FAIL " + title + " " + code + " " + err.toString().strip());
        System.exit(code);
      }
      ack.println("ACK " + title);
    }
    System.exit(0);
  }
}
