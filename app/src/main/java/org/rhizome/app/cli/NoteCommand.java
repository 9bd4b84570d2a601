package org.rhizome.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rhizome note …}: the note commands. A note is named by its id, title or an alias. */
@Command(
    name = "note",
    description = "Add, show, list, edit, rename and delete notes.",
    subcommands = {
      NoteAddCommand.class,
      NoteShowCommand.class,
      NoteListCommand.class,
      NoteEditCommand.class,
      NoteRenameCommand.class,
      NoteMoveCommand.class,
      NoteDeleteCommand.class,
      NoteShareCommand.class,
      NoteProtectCommand.class,
      NoteAttachCommand.class
    })
public final class NoteCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing a note command: add, show, list, edit, rename, move, delete, share, protect or attach.");
  }
}
