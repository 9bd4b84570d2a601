package org.rhizome.ui.welcome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;

/**
 * The welcome workspace: Markdown notes shipped in the jar (from {@code resources/welcome/} of the
 * repository; {@code index.txt} lists them, first the one to open) that explain Rhizome and show
 * what it does, linked to each other. Put into an empty workspace on the first start.
 *
 * <p>Blocking (reads the jar, writes the workspace): call it off the FX thread.
 */
public final class WelcomeNotes {
  static final String FOLDER = "/org/rhizome/ui/welcome/notes/";

  /** One shipped note. */
  public record WelcomeNote(String title, String body) {}

  private WelcomeNotes() {}

  /** The notes, in the order of {@code index.txt}. */
  public static List<WelcomeNote> read() throws IOException {
    List<WelcomeNote> notes = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      String title = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
      notes.add(new WelcomeNote(title, resource(file).replace("\r\n", "\n")));
    }
    return notes;
  }

  /**
   * Creates the welcome notes in {@code workspace} (titles already taken are skipped) and returns
   * the first one, to open.
   */
  public static Optional<Soul> loadInto(Workspace workspace) throws IOException, StoreException {
    List<String[]> batch = new ArrayList<>();
    for (WelcomeNote n : read()) {
      if (workspace.resolve(n.title()).isEmpty()) {
        batch.add(new String[] {n.title(), n.body()});
      }
    }
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(workspace.createNotesAsync(batch).get().get(0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while creating the welcome notes", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new StoreException(
          "could not create the welcome notes: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WelcomeNotes.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IOException("the welcome note " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
