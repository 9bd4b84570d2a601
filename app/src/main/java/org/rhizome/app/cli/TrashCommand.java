package org.rhizome.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.trash.NotInTrashException;
import org.rhizome.graph.trash.RestoredNote;
import org.rhizome.graph.trash.TrashedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome trash list|restore T|empty}: deleted notes — who deleted them and when — brought
 * back, or emptied for good (on every replica; see docs/decisions/0006-trash.md).
 */
@Command(
    name = "trash",
    description = "List, restore or empty deleted notes.",
    subcommands = {
      TrashCommand.ListTrash.class,
      TrashCommand.Restore.class,
      TrashCommand.Empty.class
    })
public final class TrashCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a trash command: list, restore or empty.");
  }

  /**
   * Who deleted a note: the device key (hex), its member name if it has one, and whether it is this
   * device.
   */
  record Deleter(String actor, @Nullable String name, boolean you) {
    static Deleter of(Workspace ws, ActorId actor) throws Exception {
      return new Deleter(
          actor.toString(),
          ws.membership().memberName(actor).orElse(null),
          actor.equals(ws.actor()));
    }

    String shown() {
      String who =
          name != null
              ? name
              : you
                  ? "you"
                  : "device "
                      + org.rhizome.graph.membership.Member.fingerprint(ActorId.parse(actor));
      return name != null && you ? who + " (you)" : who;
    }
  }

  record Item(
      String id,
      String title,
      String folder,
      String created,
      String deleted,
      Deleter deletedBy,
      int bytes,
      String firstLine) {}

  record Listing(long total, List<Item> trash) {}

  record Restored(String id, String title, String folder, String formerTitle) {}

  record Emptied(int emptied) {}

  @Command(
      name = "list",
      description = "Deleted notes, the most recently deleted first: when, by whom, where.")
  static final class ListTrash implements Callable<Integer> {
    @Mixin private CliContext cli;

    @Option(names = "--limit", paramLabel = "N", description = "At most N notes (default: all).")
    private int limit = Integer.MAX_VALUE;

    @Override
    public Integer call() throws Exception {
      cli.requirePositive("--limit", limit);
      List<Item> items = new ArrayList<>();
      long total;
      try (Workspace ws = cli.openWorkspace()) {
        for (TrashedNote t : ws.trash(limit)) {
          items.add(
              new Item(
                  t.soul().value(),
                  t.title(),
                  t.folder(),
                  NoteJson.instant(t.created()),
                  NoteJson.instant(t.deletedAt()),
                  Deleter.of(ws, t.deletedBy()),
                  t.bodyChars(),
                  t.firstLine()));
        }
        total = ws.trashCount();
      }
      if (cli.isJson()) {
        cli.printJson(new Listing(total, items));
        return ExitCodes.OK;
      }
      if (items.isEmpty()) {
        cli.out().println("The trash is empty.");
        return ExitCodes.OK;
      }
      TextTable table = new TextTable(false, false, false, false);
      for (Item i : items) {
        String path = i.folder().isEmpty() ? i.title() : i.folder() + "/" + i.title();
        table.row(
            i.id(),
            i.deleted(),
            i.deletedBy().shown(),
            cli.isTerminal() ? TerminalText.safe(path) : path);
      }
      table.print(cli.out(), "");
      if (total > items.size()) {
        cli.out().println("… and " + (total - items.size()) + " more.");
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "restore",
      description =
          "Bring a deleted note back: title, body, folder, links. "
              + "If its title was taken meanwhile, it comes back as \"Title (restored)\".")
  static final class Restore implements Callable<Integer> {
    @Mixin private CliContext cli;

    @Parameters(
        paramLabel = "NOTE",
        description =
            "The deleted note's id, path (Folder/Title) or title (the most recently deleted of that title).")
    private String target;

    @Override
    public Integer call() throws Exception {
      RestoredNote restored;
      try (Workspace ws = cli.openWorkspace()) {
        TrashedNote note =
            ws.findInTrash(target)
                .orElseThrow(
                    () ->
                        new NotInTrashException(
                            "No deleted note has the id, path or title \""
                                + target
                                + "\" (see `rhizome trash list`)."));
        restored = ws.restoreNote(note.soul());
      }
      if (cli.isJson()) {
        cli.printJson(
            new Restored(
                restored.soul().value(),
                restored.title(),
                restored.folder(),
                restored.formerTitle()));
      } else {
        String where = restored.folder().isEmpty() ? "" : " in " + restored.folder();
        cli.out()
            .println(
                "Restored \""
                    + restored.title()
                    + "\""
                    + where
                    + " ("
                    + restored.soul()
                    + ")"
                    + (restored.retitled()
                        ? ": \"" + restored.formerTitle() + "\" is taken there by another note."
                        : "."));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "empty",
      description = {
        "Empty the trash: the deleted notes' titles, bodies and folders are cleared "
            + "on this replica and, through sync, on every other (they can no longer be restored). The change log keeps their "
            + "history; protected notes of other people are left.",
        "Asks for --yes."
      })
  static final class Empty implements Callable<Integer> {
    @Mixin private CliContext cli;

    @Spec private CommandSpec spec;

    @Option(
        names = "--yes",
        description = "Really empty the trash (it cannot be undone from the trash).")
    private boolean yes;

    @Override
    public Integer call() throws Exception {
      int emptied;
      try (Workspace ws = cli.openWorkspace()) {
        if (!yes) {
          throw new ParameterException(
              spec.commandLine(),
              "Emptying the trash clears "
                  + ws.trashCount()
                  + " deleted notes for good, on every replica: run `rhizome trash empty --yes` to do it.");
        }
        emptied = ws.emptyTrash();
      }
      if (cli.isJson()) {
        cli.printJson(new Emptied(emptied));
      } else {
        cli.out()
            .println(
                emptied == 0
                    ? "The trash was already empty."
                    : "Emptied the trash: "
                        + emptied
                        + (emptied == 1 ? " note" : " notes")
                        + " cleared.");
      }
      return ExitCodes.OK;
    }
  }
}
