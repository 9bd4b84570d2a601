package org.rhizome.app.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note protect T --let NAME,… --until TIME | --revoke NAME,…}: whom the owner of a
 * protected note lets edit it, and until when (decision 0011). Without an option, prints them.
 */
@Command(
    name = "protect",
    description = {
      "Let people edit a protected note until a time, or take that back (its owner only).",
      "--let NAME,… --until 2026-12-31T18:00 (local time, or with an offset such as Z or +01:00);"
          + " --revoke NAME,… refuses, on every replica, their changes you have not seen. Without an"
          + " option, lists who may edit it."
    })
final class NoteProtectCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "NOTE", description = "The note: its id, title or alias.")
  private String target;

  static final class Let {
    @Option(
        names = "--let",
        paramLabel = "NAME",
        split = ",",
        required = true,
        description = "People to let edit it (names or key prefixes).")
    List<String> let = List.of();

    @Option(
        names = "--until",
        paramLabel = "TIME",
        required = true,
        description = "Until when: 2026-12-31T18:00 (local time) or with an offset (…Z, …+01:00).")
    String until = "";
  }

  static final class Who {
    @ArgGroup(exclusive = false)
    @Nullable Let let;

    @Option(
        names = "--revoke",
        paramLabel = "NAME",
        split = ",",
        required = true,
        description = "People who may no longer edit it.")
    @Nullable List<String> revoke;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private @Nullable Who who;

  record Editor(String name, String until, boolean past) {}

  record Editors(String note, String title, String owner, List<Editor> editors) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = cli.openWorkspace()) {
      NoteRef note = CliContext.resolve(ws, target);
      ActorId owner =
          Workspace.ownerOf(note.soul())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "\""
                              + note.title()
                              + "\" is not protected: every member edits it. Protect a new note"
                              + " with note add --protected."));
      if (who != null && who.let != null) {
        long until = parseTime(who.let.until);
        if (until <= System.currentTimeMillis()) {
          throw new InvalidInputException(
              "--until " + who.let.until + " is already past: name a time to come");
        }
        List<ActorId> persons = NoteShareCommand.persons(ws, who.let.let);
        if (persons.contains(owner)) {
          throw new InvalidInputException(
              name(ws, owner) + " owns \"" + note.title() + "\" and edits it without being let");
        }
        await(ws.membership().letEditAsync(note.soul(), persons, until));
      } else if (who != null && who.revoke != null) {
        await(
            ws.membership().unletEditAsync(note.soul(), NoteShareCommand.persons(ws, who.revoke)));
      }
      long now = System.currentTimeMillis();
      List<Editor> editors = new ArrayList<>();
      for (Map.Entry<ActorId, Long> e : ws.membership().editors(note.soul()).entrySet()) {
        editors.add(
            new Editor(
                name(ws, e.getKey()),
                Instant.ofEpochMilli(e.getValue()).toString(),
                e.getValue() <= now));
      }
      if (cli.isJson()) {
        cli.printJson(new Editors(note.soul().value(), note.title(), name(ws, owner), editors));
      } else {
        StringBuilder line = new StringBuilder(note.title() + " is edited by " + name(ws, owner));
        for (Editor e : editors) {
          line.append(", ")
              .append(e.name())
              .append(e.past() ? " (ended " : " (until ")
              .append(e.until())
              .append(')');
        }
        cli.out().println(line);
      }
    }
    return ExitCodes.OK;
  }

  /** {@code 2026-12-31T18:00} in this machine's zone, or an ISO time with an offset. */
  static long parseTime(String text) throws InvalidInputException {
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // no offset: local time below
    }
    try {
      return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--until takes a time such as 2026-12-31T18:00 or 2026-12-31T18:00Z, not \""
              + text
              + "\"");
    }
  }

  /** Whether {@code person} is this device's person (in a personal workspace, the device). */
  private static boolean isMe(Workspace ws, ActorId person) {
    try {
      return person.equals(ws.membership().person());
    } catch (org.rhizome.graph.api.StoreException e) {
      return false;
    }
  }

  private static String name(Workspace ws, ActorId person) {
    try {
      String n = ws.membership().memberName(person).orElse("");
      if (n.isEmpty() && isMe(ws, person)) {
        return "you"; // a personal workspace names nobody: its device is its own person
      }
      return n.isEmpty() ? person.hex().substring(0, 12) : n;
    } catch (org.rhizome.graph.api.StoreException e) {
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
