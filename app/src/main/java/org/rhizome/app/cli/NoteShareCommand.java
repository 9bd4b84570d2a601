package org.rhizome.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note share T --with NAME,… | --unshare NAME,…}: who reads a private note (decision
 * 0008). Without an option, prints its readers.
 */
@Command(
    name = "share",
    description = {
      "Let more people read a private note, or stop some reading it (its owner only).",
      "--with gives them its whole history; --unshare seals what is written from now on under a new"
          + " key they never get. Without an option, lists its readers."
    })
final class NoteShareCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "NOTE", description = "The note: its id, title or alias.")
  private String target;

  static final class Who {
    @Option(
        names = "--with",
        paramLabel = "NAME",
        split = ",",
        required = true,
        description = "People to add as readers (names or key prefixes).")
    @Nullable List<String> with;

    @Option(
        names = "--unshare",
        paramLabel = "NAME",
        split = ",",
        required = true,
        description = "Readers to remove (names or key prefixes).")
    @Nullable List<String> unshare;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private @Nullable Who who;

  record Readers(String note, String title, List<String> readers) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = cli.openWorkspace()) {
      NoteRef note = CliContext.resolve(ws, target);
      if (!ws.isPrivate(note.soul())) {
        throw new InvalidInputException(
            "\"" + note.title() + "\" is not private: every member reads it.");
      }
      if (who != null && who.with != null) {
        await(ws.shareNoteAsync(note.soul(), persons(ws, who.with)));
      } else if (who != null && who.unshare != null) {
        await(ws.unshareNoteAsync(note.soul(), persons(ws, who.unshare)));
      }
      List<String> names = new ArrayList<>();
      for (ActorId p : ws.readersOf(note.soul())) {
        names.add(name(ws, p));
      }
      if (cli.isJson()) {
        cli.printJson(new Readers(note.soul().value(), note.title(), names));
      } else {
        cli.out().println(note.title() + " is read by: " + String.join(", ", names));
      }
    }
    return ExitCodes.OK;
  }

  /** The persons named (names or key prefixes), as the workspace's members know them. */
  static List<ActorId> persons(Workspace ws, List<String> names) throws StoreException {
    List<ActorId> out = new ArrayList<>();
    for (String n : names) {
      if (!n.isBlank()) {
        out.add(ws.membership().person(n.strip()).person());
      }
    }
    return out;
  }

  private static String name(Workspace ws, ActorId person) {
    try {
      String n = ws.membership().memberName(person).orElse("");
      return n.isEmpty() ? person.hex().substring(0, 12) : n;
    } catch (StoreException e) {
      return person.hex().substring(0, 12);
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
