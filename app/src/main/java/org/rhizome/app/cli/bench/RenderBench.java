package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.vault.VaultProgress;
import org.rhizome.ui.render.HtmlPage;
import org.rhizome.ui.render.HtmlSiteExporter;
import org.rhizome.ui.render.ObsidianMarkdown;
import org.rhizome.ui.render.PageAssets;
import org.rhizome.ui.render.RenderWarmUp;
import org.rhizome.ui.render.RenderedNote;
import org.rhizome.ui.render.WorkspaceLinks;

/**
 * The figures behind {@code rhizome bench render}: a big note (synthetic paragraphs with links,
 * plus callouts, tasks, maths, code, embeds and highlights) rendered to a whole page as the reading
 * view does, and the static-site export of a generated workspace.
 */
final class RenderBench {
  private final int kb;
  private final int runs;
  private final int notes;
  private final int warmUps;
  private final boolean webView;
  private final Path work;
  private boolean assetsCopied;
  private final PrintStream log;

  RenderBench(
      int kb, int runs, int notes, int warmUps, boolean webView, Path work, PrintStream log) {
    this.kb = kb;
    this.webView = webView;
    this.warmUps = warmUps;
    this.runs = runs;
    this.notes = notes;
    this.work = work;
    this.log = log;
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    try (Workspace ws =
        Workspace.open(work.resolve("render.db"), DeviceKey.generate(new SecureRandom()))) {
      SyntheticVault vault = new SyntheticVault(2000, 7);
      List<NoteDraft> drafts = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        drafts.add(new NoteDraft("", vault.title(i), vault.body(i)));
      }
      ws.createDraftsAsync(drafts).get();
      ws.putAttachment("Assets", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      String big = bigNote(vault);
      out.put("note_bytes", big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
      WorkspaceLinks.Addresses addresses =
          new WorkspaceLinks.Addresses() {
            @Override
            public String note(NoteRef note) {
              return "rhizome:note/" + note.soul().value();
            }

            @Override
            public String attachment(Attachment attachment, Workspace workspace) {
              return "file:///tmp/" + attachment.hash();
            }
          };
      // Links resolved afresh for each render, as the reading view does (what they reach may have
      // changed).
      java.util.function.Supplier<WorkspaceLinks> links = () -> new WorkspaceLinks(ws, addresses);
      if (webView) {
        // In the window, in this fresh JVM: nothing of the renderer is timed before it.
        log.println("showing a " + kb + " KB note in the reading view...");
        Soul soul = ws.createNoteAsync("Big note", big).get();
        out.putAll(ReadingViewBench.run(ws, soul, big, i -> edit(big, i), runs, warmUps > 0));
        return out;
      }
      log.println("rendering a " + kb + " KB note...");
      // As the app does once its window shows (unless --cold): the scripts copied next to where
      // pages go, the renderer warmed on a small note (ReadingWarmUp; its WebView part is timed by
      // --webview).
      if (warmUps > 0) {
        long wall = System.nanoTime();
        long cpu = processCpu();
        PageAssets.copyTo(work.resolve("reading"));
        assetsCopied = true;
        RenderWarmUp.run(links.get(), warmUps);
        out.put("warm_up_renders", warmUps);
        out.put("warm_up_ms", (System.nanoTime() - wall) / 1e6);
        out.put("warm_up_process_cpu_ms", (processCpu() - cpu) / 1e6);
      }
      // As the reading view renders: with a block cache (an edit renders again only the runs it
      // touched), the page written to a file next to the bundled scripts (copied on first use).
      // What the reading view makes before it shows anything: the note's start and its page
      // (ObsidianMarkdown.renderStart, HtmlPage.readingStart); the whole note renders after it.
      Path pages = work.resolve("reading");
      if (!assetsCopied) {
        PageAssets.copyTo(pages);
        assetsCopied = true;
      }
      long wall = System.nanoTime();
      long cpu = processCpu();
      ObsidianMarkdown markdown = new ObsidianMarkdown().withBlockCache(8_000_000);
      ObsidianMarkdown.Start start = markdown.renderStart(big, null, "", links.get());
      String startPage = HtmlPage.readingStart(start.note(), false, 15, pages.toUri().toString());
      java.nio.file.Files.writeString(pages.resolve("page-0.html"), startPage);
      out.put("first_screen_ms", (System.nanoTime() - wall) / 1e6);
      out.put("first_screen_process_cpu_ms", (processCpu() - cpu) / 1e6);
      out.put("first_screen_page_chars", startPage.length());
      wall = System.nanoTime();
      cpu = processCpu();
      RenderedNote first = markdown.render(big, null, "", links.get());
      double renderMs = (System.nanoTime() - wall) / 1e6;
      long pageStart = System.nanoTime();
      String page = HtmlPage.of("", first, false, 15, pages.toUri().toString(), "", "");
      java.nio.file.Files.writeString(pages.resolve("page-1.html"), page);
      int pageChars = page.length();
      out.put("first_render_ms", (System.nanoTime() - wall) / 1e6);
      out.put("first_render_process_cpu_ms", (processCpu() - cpu) / 1e6);
      out.put("first_render_html_ms", renderMs);
      out.put("first_render_page_ms", (System.nanoTime() - pageStart) / 1e6);
      out.put("page_chars", pageChars);
      // Later renders: after a small edit each time, in a different place, as typing in the note
      // does.
      Timing edited = time(i -> markdown.render(edit(big, i), null, "", links.get()));
      out.put("later_render_median_ms", edited.wall());
      out.put("later_render_median_process_cpu_ms", edited.cpu());
      out.put("later_render_max_ms", edited.max());
      // A big note not rendered before, in a warm JVM (the cache holds nothing of it).
      String other = bigNote(vault, 1000);
      wall = System.nanoTime();
      cpu = processCpu();
      HtmlPage.of("", markdown.render(other, null, "", links.get()), false, 15, "", "", "");
      out.put("new_note_warm_render_ms", (System.nanoTime() - wall) / 1e6);
      out.put("new_note_warm_render_process_cpu_ms", (processCpu() - cpu) / 1e6);
      // The same edits without the block cache (how every render went before it), for comparison.
      ObsidianMarkdown uncached = new ObsidianMarkdown();
      Timing whole = time(i -> uncached.render(edit(big, i), null, "", links.get()));
      out.put("uncached_render_median_ms", whole.wall());
      out.put("uncached_render_median_process_cpu_ms", whole.cpu());
    }
    if (notes > 0) {
      out.putAll(export());
    }
    return out;
  }

  private Map<String, Object> export() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Workspace ws =
        Workspace.open(work.resolve("export.db"), DeviceKey.generate(new SecureRandom()))) {
      log.println("generating " + notes + " notes...");
      SyntheticVault vault = new SyntheticVault(notes, 11);
      List<NoteDraft> drafts = new ArrayList<>();
      for (int i = 0; i < notes; i++) {
        drafts.add(new NoteDraft("Folder " + (i % 40), vault.title(i), vault.body(i)));
        if (drafts.size() == 1000) {
          ws.createDraftsAsync(drafts).get();
          drafts.clear();
        }
      }
      ws.createDraftsAsync(drafts).get();
      log.println("exporting as a site...");
      long wall = System.nanoTime();
      long cpu = processCpu();
      HtmlSiteExporter.Report r =
          new HtmlSiteExporter(ws, new ObsidianMarkdown())
              .export(work.resolve("site"), VaultProgress.NONE);
      out.put("export_html_notes", r.pages());
      out.put("export_html_ms", (System.nanoTime() - wall) / 1_000_000);
      out.put("export_html_cpu_ms", (processCpu() - cpu) / 1_000_000);
    }
    return out;
  }

  /**
   * About {@code kb} KB: synthetic paragraphs with links, and every Obsidian construct now and
   * then.
   */
  private String bigNote(SyntheticVault vault) {
    return bigNote(vault, 0);
  }

  private String bigNote(SyntheticVault vault, int from) {
    StringBuilder sb = new StringBuilder(kb * 1100);
    int i = from;
    while (sb.length() < kb * 1024) {
      sb.append(vault.body(i % 2000));
      switch (i % 8) {
        case 0 ->
            sb.append("\n> [!tip]- A folded tip ")
                .append(i)
                .append("\n> With ==highlighted== text and $x^")
                .append(i)
                .append("$.\n\n");
        case 1 ->
            sb.append("\n- [ ] task ")
                .append(i)
                .append("\n- [x] done ")
                .append(i)
                .append("\n- [/] half ^block")
                .append(i)
                .append("\n\n");
        case 2 ->
            sb.append("\n```java\nint x").append(i).append(" = ").append(i).append(";\n```\n\n");
        case 3 ->
            sb.append("\n$$\n\\sum_{k=0}^{")
                .append(i)
                .append("} k^2\n$$\n\n%%a hidden comment ")
                .append(i)
                .append("%%\n\n");
        case 4 ->
            sb.append("\n![[photo.png|100]] and [[#Heading ")
                .append(i)
                .append("]] and a footnote[^f")
                .append(i)
                .append("].\n\n[^f")
                .append(i)
                .append("]: The note ")
                .append(i)
                .append(".\n\n");
        case 5 ->
            sb.append("\n| a | b |\n|---|---|\n| ")
                .append(i)
                .append(" | ~~")
                .append(i)
                .append("~~ |\n\n");
        case 6 -> sb.append("\n![[").append(vault.title((i * 31) % 2000)).append("]]\n\n");
        default -> sb.append("\n```mermaid\ngraph TD\n  A").append(i).append(" --> B\n```\n\n");
      }
      i++;
    }
    return sb.toString();
  }

  private record Timing(double wall, double cpu, double max) {}

  /**
   * Medians over {@code runs} renders (each made into a whole page), wall and the process's CPU
   * (the runs of a note not rendered before render in parallel).
   */
  private Timing time(java.util.function.IntFunction<RenderedNote> render) {
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long w = System.nanoTime();
      long c = processCpu();
      HtmlPage.of("", render.apply(i), false, 15, "", "", "");
      wall[i] = (System.nanoTime() - w) / 1e6;
      cpu[i] = (processCpu() - c) / 1e6;
    }
    return new Timing(median(wall), median(cpu), Arrays.stream(wall).max().orElse(0));
  }

  /** The note with a word typed into its {@code i}-th paragraph (spread over the note). */
  private static String edit(String note, int i) {
    int at = note.indexOf("\n\n", (int) ((long) note.length() * ((i * 7919L) % 997) / 997));
    at = at < 0 ? note.length() / 2 : at;
    return note.substring(0, at) + " typed" + i + note.substring(at);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
