package org.rhizome.app.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.query.NoteRef;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every workspace command shares (a picocli mixin): {@code --json}, the data directory given
 * to the root command, opening the workspace, resolving a note argument, and printing.
 */
public final class CliContext {
  /** The command this is a mixin of; null in a context made by {@link #detached}. */
  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec command;

  /** What {@link #command} gives, for a context made by {@link #detached}. */
  private @Nullable Detached detached;

  private record Detached(CliRoot root, PrintWriter out, PrintWriter err, String qualifiedName) {}

  @Option(names = "--json", description = "Print exactly one JSON document instead of text.")
  private boolean json;

  @Option(
      names = "--workspace",
      paramLabel = "NAME",
      defaultValue = DataDirectory.DEFAULT_WORKSPACE,
      description =
          "The workspace (workspaces/NAME.db in the data directory; default: ${DEFAULT-VALUE}).")
  private String workspaceName = DataDirectory.DEFAULT_WORKSPACE;

  /** For picocli, which sets the fields and the command. */
  public CliContext() {}

  /**
   * A context for a command run without picocli (the {@code note add} fast path), with the values
   * picocli would have set: the root command, where output goes, the command's qualified name
   * ({@code rhizome note add}), {@code --json} and a valid {@code --workspace} name.
   */
  public static CliContext detached(
      CliRoot root,
      PrintWriter out,
      PrintWriter err,
      String qualifiedName,
      boolean json,
      String workspaceName) {
    if (!DataDirectory.isValidWorkspaceName(workspaceName)) {
      throw new IllegalArgumentException("not a workspace name: " + workspaceName);
    }
    CliContext context = new CliContext();
    context.detached = new Detached(root, out, err, qualifiedName);
    context.json = json;
    context.workspaceName = workspaceName;
    return context;
  }

  public boolean isJson() {
    return json;
  }

  public PrintWriter out() {
    return detached != null ? detached.out() : spec().commandLine().getOut();
  }

  /** True when stdout is a terminal, so text may carry ANSI bold. */
  public boolean isTerminal() {
    return root().environment().stdoutIsTerminal();
  }

  public InputStream stdin() {
    return root().environment().stdin();
  }

  public DataDirectory dataDirectory() {
    return root().dataDirectory();
  }

  /** The {@code --workspace} name (checked: a usage error if it cannot name a file). */
  public String workspaceName() {
    if (!DataDirectory.isValidWorkspaceName(workspaceName)) {
      throw new ParameterException(
          spec().commandLine(),
          "\""
              + workspaceName
              + "\" is not a workspace name: use 1-64 letters, digits, '.', '_' or '-'.");
    }
    return workspaceName;
  }

  /**
   * Opens the {@code --workspace} of the data directory. The personal workspace (and the device
   * key) is created on first use; any other must exist.
   *
   * @throws NoSuchWorkspaceException if a named workspace has no file
   */
  public Workspace openWorkspace() throws IOException, StoreException, NoSuchWorkspaceException {
    DataDirectory data = dataDirectory();
    String name = workspaceName();
    Workspace workspace;
    if (name.equals(DataDirectory.DEFAULT_WORKSPACE)) {
      workspace = data.openDefaultWorkspace();
    } else {
      java.nio.file.Path file = data.workspaceFile(name);
      if (!java.nio.file.Files.exists(file)) {
        throw new NoSuchWorkspaceException(
            "No workspace \""
                + name
                + "\" in "
                + data.root()
                + " (create it with `rhizome workspace create "
                + name
                + "` or join one with `rhizome join`).");
      }
      workspace = Workspace.open(file, data.loadOrCreateDeviceKey());
    }
    Phases.mark("opened");
    LoggerFactory.getLogger(CliContext.class)
        .info("{}: opened {}", qualifiedName(), workspace.file());
    return workspace;
  }

  public PrintWriter err() {
    return detached != null ? detached.err() : spec().commandLine().getErr();
  }

  /**
   * True when this process's stderr is a terminal (progress bars go there; see {@link
   * CliEnvironment#processStderrIsTerminal}). Never for a command run in-process by a test, whose
   * stderr is the test runner's pipe.
   */
  public boolean stderrIsTerminal() {
    return CliEnvironment.processStderrIsTerminal();
  }

  /**
   * The live note named by {@code target}: its id, title or an alias, as a wikilink resolves it.
   */
  public static NoteRef resolve(Workspace workspace, String target)
      throws StoreException, NoSuchNoteException {
    return workspace
        .resolve(target)
        .orElseThrow(
            () ->
                new NoSuchNoteException("No note has the id, title or alias \"" + target + "\"."));
  }

  /** Prints {@code document} as JSON, followed by a newline. */
  public void printJson(Object document) throws JsonProcessingException {
    out().println(JsonOutput.write(document));
    out().flush();
  }

  /**
   * Checks a {@code --limit}-style option.
   *
   * @throws ParameterException (a usage error, exit code 2) unless {@code value} is at least 1
   */
  public void requirePositive(String option, int value) {
    if (value < 1) {
      throw new ParameterException(
          spec().commandLine(), option + " must be at least 1, not " + value + ".");
    }
  }

  private CliRoot root() {
    return detached != null ? detached.root() : (CliRoot) spec().root().userObject();
  }

  private String qualifiedName() {
    return detached != null ? detached.qualifiedName() : spec().qualifiedName();
  }

  private CommandSpec spec() {
    if (command == null) {
      throw new IllegalStateException("a detached context has no picocli command");
    }
    return command;
  }
}
