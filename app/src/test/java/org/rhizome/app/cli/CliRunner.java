package org.rhizome.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rhizome.app.cli.common.CliEnvironment;

/**
 * Runs the real {@code rhizome} command line in-process on one data directory, capturing stdout and
 * stderr.
 */
final class CliRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path data;
  private final boolean terminal;

  CliRunner(Path data) {
    this(data, false);
  }

  private CliRunner(Path data, boolean terminal) {
    this.data = data;
    this.terminal = terminal;
  }

  /** The same directory, as if stdout were a terminal. */
  CliRunner onTerminal() {
    return new CliRunner(data, true);
  }

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("stdout is not one JSON document: " + out, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Result run(String... args) {
    return runWithStdin("", args);
  }

  Result runWithStdin(String stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    CliEnvironment environment =
        new CliEnvironment(
            Map.of(), in, System.getProperty("os.name"), data.resolve("home"), terminal);
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    all.addAll(List.of(args));
    String[] commandLineArgs = all.toArray(String[]::new);
    // As Main runs it: a plain note add without picocli, else only the command the arguments name
    // is registered.
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        RhizomeCli.execute(
            environment, commandLineArgs, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** Runs a command that must succeed and returns its stdout parsed as JSON. */
  JsonNode json(String... args) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      throw new AssertionError("expected success: " + r);
    }
    return r.json();
  }

  /** Adds a note and returns its id. */
  String add(String title, String body) {
    Result r = run("note", "add", "--title", title, "--body", body);
    if (r.exitCode() != 0) {
      throw new AssertionError("note add failed: " + r);
    }
    return r.out().strip();
  }
}
