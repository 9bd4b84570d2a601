package org.rhizome.app.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rhizome note …}: the note commands. A note is named by its id, title or an alias. */
@Command(name = "note", description = "Add, show, list, edit, rename and delete notes.")
public final class NoteCommand implements Runnable {
  /**
   * The note commands, in the order help lists them. Not in {@code @Command(subcommands)}: {@link
   * RhizomeCli} registers only the one a command line names (picocli's model of all of them was a
   * large part of a {@code note add}'s start), as for the root's commands.
   */
  public static final List<Class<?>> SUBCOMMANDS =
      List.of(
          NoteAddCommand.class,
          NoteShowCommand.class,
          NoteListCommand.class,
          NoteEditCommand.class,
          NoteRenameCommand.class,
          NoteMoveCommand.class,
          NoteDeleteCommand.class,
          NoteShareCommand.class,
          NoteProtectCommand.class,
          NoteAttachCommand.class);

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing a note command: add, show, list, edit, rename, move, delete, share, protect or attach.");
  }
}
