package org.rhizome.app.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.CliEnvironment;
import org.rhizome.app.cli.common.Phases;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.app.data.Logging;

/**
 * {@code rhizome note add} without picocli, for the plain command lines scripts call in loops:
 * building picocli's model of the command (its annotations are read through reflection and dynamic
 * proxies, generated anew in every process) and parsing with it was about a third of a {@code note
 * add}'s own start. {@link #parse} takes only what it can read exactly as picocli would ({@code
 * --data}, {@code --json}, {@code --workspace}, {@code --title}, {@code --protected}, {@code
 * --folder}, {@code --body} or {@code --body-file}, each once, as {@code --opt VALUE} or {@code
 * --opt=VALUE}); anything else (help, a mistake, an argument file, {@code --private-to}, a value
 * that starts with {@code -}) goes to picocli, which gives its own help, usage errors and
 * suggestions. The command itself is {@link NoteAddCommand}, run with the same values, and its
 * failures are reported by {@link ErrorReporter} as under picocli. {@code NoteAddFastPathTest}
 * compares the parse with picocli's on generated command lines.
 */
final class NoteAddFastPath {
  private static final String NAME = "rhizome note add";

  private NoteAddFastPath() {}

  /** A {@code note add} command line as picocli would read it. */
  record Parsed(
      @Nullable Path data,
      boolean json,
      String workspace,
      String title,
      boolean protect,
      String folder,
      @Nullable String body,
      @Nullable String bodyFile) {}

  /**
   * Runs {@code args} if they are a plain {@code note add}: its exit code, or null when picocli
   * must run them.
   */
  static @Nullable Integer run(
      CliEnvironment environment, String[] args, PrintWriter out, PrintWriter err) {
    Parsed p = parse(args);
    if (p == null) {
      return null;
    }
    Phases.mark("picocli");
    try {
      RhizomeCommand root = new RhizomeCommand(environment, p.data());
      // As RhizomeCli's execution strategy does before running a command.
      Logging.writeTo(root.dataDirectory().logsDirectory());
      Phases.mark("logging");
      CliContext cli = CliContext.detached(root, out, err, NAME, p.json(), p.workspace());
      NoteAddCommand command =
          new NoteAddCommand(
              cli,
              p.title(),
              p.protect(),
              p.folder(),
              p.body() == null && p.bodyFile() == null
                  ? null
                  : BodyOptions.of(p.body(), p.bodyFile()));
      return command.call();
    } catch (Exception e) {
      return ErrorReporter.report(e, NAME, err);
    }
  }

  /** {@code args} read as picocli would, or null unless they are a plain {@code note add}. */
  static @Nullable Parsed parse(String[] args) {
    Path data = null;
    boolean dataSeen = false;
    boolean json = false;
    String workspace = null;
    String title = null;
    boolean protect = false;
    String folder = null;
    String body = null;
    String bodyFile = null;
    int level = 0; // 0: rhizome, 1: note, 2: add
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        return null; // an argument file
      }
      if (!arg.startsWith("-")) {
        if (level == 0 && arg.equals("note")) {
          level = 1;
        } else if (level == 1 && arg.equals("add")) {
          level = 2;
        } else {
          return null; // another command, or a positional argument add has none of
        }
        continue;
      }
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      boolean flag = name.equals("--json") || name.equals("--protected");
      if (flag) {
        if (value != null || level != 2) {
          return null;
        }
      } else if (value == null) {
        if (i + 1 >= args.length) {
          return null; // missing value: picocli says so
        }
        value = args[++i];
        if (value.startsWith("@")) {
          return null; // an argument file
        }
      }
      if (!flag && value.startsWith("-") && !(value.equals("-") && name.equals("--body-file"))) {
        return null; // picocli refuses some of these (an option's name), even as --opt=VALUE
      }
      switch (name) {
        case "--data" -> {
          if (dataSeen) {
            return null;
          }
          dataSeen = true;
          try {
            data = Path.of(value);
          } catch (InvalidPathException e) {
            return null;
          }
        }
        case "--json" -> {
          if (json) {
            return null;
          }
          json = true;
        }
        case "--protected" -> {
          if (protect) {
            return null;
          }
          protect = true;
        }
        case "--workspace", "--title", "--folder", "--body", "--body-file" -> {
          if (level != 2) {
            return null;
          }
          switch (name) {
            case "--workspace" -> {
              if (workspace != null || !DataDirectory.isValidWorkspaceName(value)) {
                return null;
              }
              workspace = value;
            }
            case "--title" -> {
              if (title != null) {
                return null;
              }
              title = value;
            }
            case "--folder" -> {
              if (folder != null) {
                return null;
              }
              folder = value;
            }
            case "--body" -> {
              if (body != null || bodyFile != null) {
                return null;
              }
              body = value;
            }
            default -> {
              if (body != null || bodyFile != null) {
                return null;
              }
              bodyFile = value;
            }
          }
        }
        default -> {
          return null; // help, version, --private-to, a mistake
        }
      }
    }
    if (level != 2 || title == null) {
      return null;
    }
    return new Parsed(
        data,
        json,
        workspace == null ? DataDirectory.DEFAULT_WORKSPACE : workspace,
        title,
        protect,
        folder == null ? "" : folder,
        body,
        bodyFile);
  }
}
