package org.rhizome.ui.vault;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.vault.ExportReport;
import org.rhizome.graph.vault.ImportReport;
import org.rhizome.graph.vault.VaultCancelledException;
import org.rhizome.graph.vault.VaultExporter;
import org.rhizome.graph.vault.VaultImporter;
import org.rhizome.graph.vault.VaultProblem;
import org.rhizome.graph.vault.VaultProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import or export, run on its own thread ({@code rhizome-vault-import} / {@code -export}) so a
 * long one never holds the shared background pool. No JavaFX here: the {@link Listener} is called
 * on that thread and a view moves what it shows to the FX thread. Cancelling is polled between
 * batches; a cancelled import is undone by the importer.
 */
final class VaultTask {
  private static final Logger log = LoggerFactory.getLogger(VaultTask.class);

  enum Kind {
    IMPORT,
    EXPORT
  }

  /** Called on the task's thread. */
  interface Listener {
    void progress(String phase, long done, long total);

    /** Finished: a one-line summary and the problems to show. */
    void finished(String summary, List<VaultProblem> problems);

    /** Stopped: cancelled, or failed; the sentence says which. */
    void stopped(String sentence);
  }

  private final Kind kind;
  private final Workspace workspace;
  private final Path folder;
  private final AtomicBoolean cancel = new AtomicBoolean();

  VaultTask(Kind kind, Workspace workspace, Path folder) {
    this.kind = kind;
    this.workspace = workspace;
    this.folder = folder;
  }

  Kind kind() {
    return kind;
  }

  Path folder() {
    return folder;
  }

  void cancel() {
    cancel.set(true);
  }

  Thread start(Listener listener) {
    Thread t =
        new Thread(
            () -> run(listener),
            kind == Kind.IMPORT ? "rhizome-vault-import" : "rhizome-vault-export");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void run(Listener listener) {
    VaultProgress progress =
        new VaultProgress() {
          @Override
          public void update(String phase, long done, long total) {
            listener.progress(phase, done, total);
          }

          @Override
          public boolean cancelled() {
            return cancel.get();
          }
        };
    try {
      if (kind == Kind.IMPORT) {
        ImportReport r = new VaultImporter(workspace).importVault(folder, progress);
        List<VaultProblem> shown = new java.util.ArrayList<>(r.problems());
        for (var u : r.brokenLinks()) {
          shown.add(
              new VaultProblem(
                  "[[" + u.target() + "]]",
                  (u.file() ? "is a missing attachment (" : "names no note (")
                      + count(u.links(), "link")
                      + " in "
                      + count(u.sources(), "note")
                      + ")"));
        }
        listener.finished(
            String.format(
                "Imported %d notes (%d new, %d updated) and %d attachments in %.1f s.",
                r.notes(),
                r.notesCreated(),
                r.notesUpdated(),
                r.attachmentsStored() + r.attachmentsUnchanged(),
                r.millis() / 1000.0),
            shown);
      } else {
        ExportReport r = new VaultExporter(workspace).export(folder, progress);
        listener.finished(
            String.format(
                    "Exported %d notes and %d attachments (%d files written) in %.1f s.",
                    r.notesWritten() + r.notesUnchanged(),
                    r.attachmentsWritten() + r.attachmentsUnchanged(),
                    r.notesWritten() + r.attachmentsWritten(),
                    r.millis() / 1000.0)
                + privateLeftOut(r.privateLeftOut()),
            r.problems());
      }
    } catch (VaultCancelledException e) {
      listener.stopped(e.getMessage());
    } catch (Exception e) {
      log.error("{} of {} failed", kind, folder, e);
      listener.stopped(
          (kind == Kind.IMPORT ? "The import" : "The export") + " failed: " + e.getMessage());
    }
  }

  private static String privateLeftOut(int count) {
    return count == 0
        ? ""
        : count == 1
            ? " 1 private note was left out: it stays sealed in the workspace."
            : " " + count + " private notes were left out: they stay sealed in the workspace.";
  }
}
