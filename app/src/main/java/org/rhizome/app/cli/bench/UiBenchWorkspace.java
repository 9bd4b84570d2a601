package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.settings.SettingsStore;

/**
 * A data directory for the UI benchmark: a generated workspace of N notes (the engine benchmark's
 * realistic generator) plus one note of about 200 KB, and UI settings that have a mid-vault note
 * open, as after a previous session.
 */
final class UiBenchWorkspace {
  static final int BIG_NOTE_BYTES = 200 * 1024;
  static final String BIG_NOTE = "Big note";
  private static final int BATCH = 1000;

  private UiBenchWorkspace() {}

  /** What the benchmark needs to know about the generated workspace. */
  record Generated(DataDirectory data, List<Soul> souls, Soul bigNote, SyntheticVault vault) {}

  static Generated create(Path root, int notes, PrintStream progress) throws Exception {
    DataDirectory data = new DataDirectory(root);
    SyntheticVault vault = new SyntheticVault(notes, 42);
    List<Soul> souls = new ArrayList<>(notes);
    Soul big;
    try (Workspace ws = data.openDefaultWorkspace()) {
      CompletableFuture<List<Soul>> inFlight = null;
      for (int from = 0; from < notes; from += BATCH) {
        List<String[]> batch = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(notes, from + BATCH); i++) {
          batch.add(new String[] {vault.title(i), vault.body(i)});
        }
        if (inFlight != null) {
          souls.addAll(inFlight.get());
        }
        inFlight = ws.createNotesAsync(batch);
        if ((from / BATCH) % 20 == 0) {
          progress.printf("created %,d / %,d notes%n", from, notes);
        }
      }
      souls.addAll(inFlight.get());
      StringBuilder body = new StringBuilder(BIG_NOTE_BYTES + 2000);
      for (int i = 0; body.length() < BIG_NOTE_BYTES; i++) {
        body.append("## Part ")
            .append(i + 1)
            .append("\n\n")
            .append(vault.body(i % notes))
            .append("\n\n");
      }
      big = ws.createNote(BIG_NOTE, body.toString());
    }
    Properties settings = new Properties();
    settings.setProperty("welcomeLoaded", "true");
    settings.setProperty("tabs.open", souls.get(notes / 2).value());
    settings.setProperty("tabs.active", "0");
    settings.setProperty("theme", "LIGHT");
    new SettingsStore(root.resolve("ui.properties")).write(settings);
    return new Generated(data, souls, big, vault);
  }
}
