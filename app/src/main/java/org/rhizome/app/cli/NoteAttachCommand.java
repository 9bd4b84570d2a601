package org.rhizome.app.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.api.PrivateAttachment;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.query.NoteRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome note attach T [FILE…] [--save NAME --to PATH]}: files of a private note, sealed
 * under its key (decision 0008). With files, attaches them; with {@code --save}, writes one out;
 * alone, lists them.
 */
@Command(
    name = "attach",
    description = {
      "Attach files to a private note, list them, or save one (its readers only).",
      "The bytes are sealed under the note's key before they are stored or sent: only its readers"
          + " can fetch and open them."
    })
final class NoteAttachCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "NOTE", description = "The note: its id, title or alias.")
  private String target;

  @Parameters(index = "1..*", paramLabel = "FILE", description = "Files to attach.")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--save", paramLabel = "NAME", description = "The attached file to write out.")
  private @Nullable String save;

  @Option(names = "--to", paramLabel = "PATH", description = "Where --save writes it.")
  private @Nullable Path to;

  record Listed(String note, String title, List<PrivateAttachment> files) {}

  @Override
  public Integer call() throws Exception {
    if ((save == null) != (to == null)) {
      throw new InvalidInputException("--save NAME and --to PATH go together");
    }
    if (save != null && !files.isEmpty()) {
      throw new InvalidInputException("either attach files or --save one, not both at once");
    }
    try (Workspace ws = cli.openWorkspace()) {
      NoteRef note = CliContext.resolve(ws, target);
      if (!ws.isPrivate(note.soul())) {
        throw new InvalidInputException(
            "\""
                + note.title()
                + "\" is not private: its files are ordinary attachments (drop them in the window,"
                + " or import a vault).");
      }
      for (Path f : files) {
        byte[] data;
        try {
          data = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
          throw new InvalidInputException("there is no file " + f);
        }
        String name = f.getFileName().toString();
        await(ws.attachPrivateAsync(note.soul(), name, data, AttachmentFields.mimeOf(name)));
      }
      if (save != null) {
        byte[] data =
            ws.privateAttachmentBytes(note.soul(), save)
                .orElseThrow(
                    () ->
                        new NoSuchNoteException(
                            "\""
                                + note.title()
                                + "\" has no file "
                                + save
                                + " that this device can open yet (not attached, or its bytes"
                                + " have not arrived: sync fetches them)."));
        Files.write(to, data);
      }
      List<PrivateAttachment> listed = ws.privateAttachments(note.soul());
      if (cli.isJson()) {
        cli.printJson(new Listed(note.soul().value(), note.title(), listed));
      } else if (save == null) {
        for (PrivateAttachment a : listed) {
          cli.out().println(a.name() + "\t" + a.size() + " bytes\t" + a.mime());
        }
      } else {
        cli.out().println("wrote " + save + " to " + to);
      }
    }
    return ExitCodes.OK;
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
