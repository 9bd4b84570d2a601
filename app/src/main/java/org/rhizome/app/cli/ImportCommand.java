package org.rhizome.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.ProgressBar;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.UnresolvedLink;
import org.rhizome.graph.vault.ImportReport;
import org.rhizome.graph.vault.VaultImporter;
import org.rhizome.graph.vault.VaultProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome import DIR [--workspace W]}: takes a folder of Markdown (an Obsidian vault) into a
 * workspace.
 */
@Command(
    name = "import",
    description = {
      "Import a folder of Markdown (an Obsidian, Logseq or Foam vault).",
      "Each .md file becomes a note in its folder, other files attachments; running it again updates what changed.",
      "Files that cannot be notes are kept as attachments and reported; hidden files (.obsidian, .git) are left out."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(index = "0", paramLabel = "DIR", description = "The vault folder.")
  private Path dir;

  record Json(
      String workspace,
      int notesCreated,
      int notesUpdated,
      int notesUnchanged,
      int attachmentsStored,
      int attachmentsUnchanged,
      int skipped,
      List<String> problems,
      List<Broken> brokenLinks,
      long millis) {}

  /** {@code file}: the target names a file that is not in the vault (a missing attachment). */
  record Broken(String target, int links, int notes, boolean file) {}

  @Override
  public Integer call() throws Exception {
    ProgressBar bar = ProgressBar.forCommand(cli);
    try (Workspace ws = cli.openWorkspace()) {
      ImportReport r;
      try {
        r = new VaultImporter(ws).importVault(dir, bar);
      } finally {
        bar.finish(); // ends the bar's line before any message
      }
      if (cli.isJson()) {
        cli.printJson(
            new Json(
                cli.workspaceName(),
                r.notesCreated(),
                r.notesUpdated(),
                r.notesUnchanged(),
                r.attachmentsStored(),
                r.attachmentsUnchanged(),
                r.skipped(),
                r.problems().stream().map(VaultProblem::toString).toList(),
                r.brokenLinks().stream()
                    .map(u -> new Broken(u.target(), u.links(), u.sources(), u.file()))
                    .toList(),
                r.millis()));
      } else {
        cli.out()
            .printf(
                "Imported %s in %.1f s: %d notes created, %d updated, %d unchanged; %d attachments stored, %d unchanged.%n",
                dir,
                r.millis() / 1000.0,
                r.notesCreated(),
                r.notesUpdated(),
                r.notesUnchanged(),
                r.attachmentsStored(),
                r.attachmentsUnchanged());
        if (!r.brokenLinks().isEmpty()) {
          cli.out()
              .println(
                  r.brokenLinks().size()
                      + " link targets name no note or attachment (first ones shown):");
          for (UnresolvedLink u :
              r.brokenLinks().subList(0, Math.min(20, r.brokenLinks().size()))) {
            cli.out()
                .println(
                    "  [["
                        + u.target()
                        + "]]  "
                        + u.links()
                        + " links in "
                        + u.sources()
                        + " notes"
                        + (u.file() ? "  (missing attachment)" : ""));
          }
        }
        if (!r.problems().isEmpty()) {
          cli.out().println(r.problems().size() + " files need a look (nothing was lost):");
          for (VaultProblem p : r.problems()) {
            cli.out().println("  " + p);
          }
        }
      }
    }
    return ExitCodes.OK;
  }
}
