package org.rhizome.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.ProgressBar;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.vault.ExportReport;
import org.rhizome.graph.vault.VaultExporter;
import org.rhizome.graph.vault.VaultProblem;
import org.rhizome.ui.render.HtmlSiteExporter;
import org.rhizome.ui.render.ObsidianMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome export DIR [--workspace W]}: writes the workspace as a vault Obsidian can open;
 * with {@code --html}, as a static web site rendered as the reading view renders notes.
 */
@Command(
    name = "export",
    description = {
      "Write the workspace as a folder of Markdown (an Obsidian vault).",
      "Each note becomes folder/title.md with its front matter, attachments go beside them; only files whose",
      "bytes differ are written (atomically). Other files in DIR are left alone.",
      "With --html: a static web site instead (one page per note, attachments, backlinks, a search box).",
      "Private notes are left out (they rest only sealed); --include-private writes those you read, in clear."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The folder to write (created if missing).")
  private Path dir;

  @Option(
      names = "--html",
      description =
          "Write a static web site (folder/title.html per note, index.html, search) instead of Markdown.")
  private boolean html;

  @Option(
      names = "--include-private",
      description =
          "Also write the private notes you can read, in clear (by default they are left out).")
  private boolean includePrivate;

  record HtmlJson(
      String workspace,
      int pages,
      int attachments,
      List<String> problems,
      long millis,
      int privateLeftOut) {}

  record Json(
      String workspace,
      int notesWritten,
      int notesUnchanged,
      int attachmentsWritten,
      int attachmentsUnchanged,
      List<String> problems,
      long millis,
      int privateLeftOut) {}

  @Override
  public Integer call() throws Exception {
    ProgressBar bar = ProgressBar.forCommand(cli);
    if (html) {
      return exportHtml(bar);
    }
    try (Workspace ws = cli.openWorkspace()) {
      ExportReport r;
      try {
        VaultExporter exporter = new VaultExporter(ws);
        r = (includePrivate ? exporter.includingPrivate() : exporter).export(dir, bar);
      } finally {
        bar.finish(); // ends the bar's line before any message
      }
      if (cli.isJson()) {
        cli.printJson(
            new Json(
                cli.workspaceName(),
                r.notesWritten(),
                r.notesUnchanged(),
                r.attachmentsWritten(),
                r.attachmentsUnchanged(),
                r.problems().stream().map(VaultProblem::toString).toList(),
                r.millis(),
                r.privateLeftOut()));
      } else {
        cli.out()
            .printf(
                "Exported to %s in %.1f s: %d notes written, %d unchanged; %d attachments written, %d unchanged.%n",
                dir,
                r.millis() / 1000.0,
                r.notesWritten(),
                r.notesUnchanged(),
                r.attachmentsWritten(),
                r.attachmentsUnchanged());
        printLeftOut(r.privateLeftOut());
        for (VaultProblem p : r.problems()) {
          cli.out().println("  " + p);
        }
      }
    }
    return ExitCodes.OK;
  }

  private int exportHtml(ProgressBar bar) throws Exception {
    try (Workspace ws = cli.openWorkspace()) {
      HtmlSiteExporter exporter = new HtmlSiteExporter(ws, new ObsidianMarkdown());
      HtmlSiteExporter.Report r =
          (includePrivate ? exporter.includingPrivate() : exporter).export(dir, bar);
      bar.finish();
      if (cli.isJson()) {
        cli.printJson(
            new HtmlJson(
                ws.file().getFileName().toString(),
                r.pages(),
                r.attachments(),
                r.problems(),
                r.millis(),
                r.privateLeftOut()));
      } else {
        cli.out()
            .printf(
                "Exported a site to %s in %.1f s: %d pages, %d attachments. Open %s in a browser.%n",
                dir, r.millis() / 1000.0, r.pages(), r.attachments(), dir.resolve("index.html"));
        printLeftOut(r.privateLeftOut());
        for (String p : r.problems()) {
          cli.out().println("  " + p);
        }
      }
    }
    return ExitCodes.OK;
  }

  private void printLeftOut(int count) {
    if (count > 0) {
      cli.out()
          .printf(
              "%d private note%s left out: %s only sealed in the workspace"
                  + " (--include-private writes %s in clear).%n",
              count,
              count == 1 ? " was" : "s were",
              count == 1 ? "it rests" : "they rest",
              count == 1 ? "it" : "them");
    }
  }
}
