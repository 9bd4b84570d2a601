package org.rhizome.ui.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.vault.VaultProgress;

/**
 * The workspace as a static web site, for sharing read-only: one page per note rendered as the
 * reading view renders it ({@code Folder/Title.html}), attachments copied at their vault paths,
 * links between pages as relative addresses, backlinks at the foot of each page, an index page, a
 * search box over a small index ({@code _assets/search-index.js}, loaded when the box is first
 * used; a script rather than JSON so that it works from {@code file:} too), and the bundled
 * scripts.
 *
 * <p>Private notes (issue 16) are left out unless asked for ({@link #includingPrivate}): no page,
 * no entry in the index or the search, and a public page's link to one shows as unresolved text,
 * its embed as missing ({@link PublicLinks}). A site is made to be handed on.
 *
 * <p>Runs on the caller's thread; reads the store, writes only under the folder given.
 */
public final class HtmlSiteExporter {
  private static final int EXCERPT = 240;

  private final Workspace workspace;
  private final ObsidianMarkdown markdown;
  private final boolean includePrivate;

  /** An exporter that leaves private notes out. */
  public HtmlSiteExporter(Workspace workspace, ObsidianMarkdown markdown) {
    this(workspace, markdown, false);
  }

  private HtmlSiteExporter(Workspace workspace, ObsidianMarkdown markdown, boolean includePrivate) {
    this.workspace = workspace;
    this.markdown = markdown;
    this.includePrivate = includePrivate;
  }

  /** The same export with the private notes this device reads as pages too, in clear. */
  public HtmlSiteExporter includingPrivate() {
    return new HtmlSiteExporter(workspace, markdown, true);
  }

  /** What an export did; {@code privateLeftOut} private notes got no page. */
  public record Report(
      int pages, int attachments, List<String> problems, long millis, int privateLeftOut) {}

  public Report export(Path dir, VaultProgress progress) throws IOException, StoreException {
    long start = System.nanoTime();
    Files.createDirectories(dir);
    List<String> problems = new ArrayList<>();
    PageAssets.copyTo(dir);
    Files.writeString(dir.resolve(PageAssets.DIR).resolve("site.js"), resource("site.js"));

    List<Attachment> files = workspace.attachments(Integer.MAX_VALUE);
    progress.update("attachments", 0, files.size());
    Set<String> copied = new LinkedHashSet<>();
    int done = 0;
    for (Attachment a : files) {
      Optional<byte[]> bytes = workspace.attachmentBytes(a);
      if (bytes.isEmpty()) {
        problems.add(a.path() + ": this replica does not have the file's bytes; not copied");
      } else {
        Path target = dir.resolve(safePath(a.path()));
        Files.createDirectories(target.getParent());
        if (!Files.isRegularFile(target) || Files.size(target) != a.size()) {
          Files.write(target, bytes.get());
        }
        copied.add(a.path());
      }
      progress.update("attachments", ++done, files.size());
    }

    List<NoteRef> notes = new ArrayList<>(workspace.listNotes(Integer.MAX_VALUE));
    int all = notes.size();
    if (!includePrivate) {
      notes.removeIf(n -> workspace.isPrivate(n.soul()));
    }
    notes.sort(Comparator.comparing(NoteRef::path, String.CASE_INSENSITIVE_ORDER));
    Map<String, NoteRef> byId = new HashMap<>();
    for (NoteRef n : notes) {
      byId.put(n.soul().value(), n);
    }
    progress.update("pages", 0, notes.size());
    Map<String, RenderedNote> rendered = new HashMap<>();
    Map<String, Set<String>> backlinks = new HashMap<>();
    StringBuilder index = new StringBuilder("window.RHIZOME_SEARCH=[");
    WorkspaceLinks.Resolved resolved = new WorkspaceLinks.Resolved();
    int batch = 200;
    for (int from = 0; from < notes.size(); from += batch) {
      List<NoteRef> part = notes.subList(from, Math.min(notes.size(), from + batch));
      List<String> bodies = workspace.bodies(part.stream().map(NoteRef::soul).toList());
      for (int i = 0; i < part.size(); i++) {
        NoteRef note = part.get(i);
        String body = bodies.get(i);
        String page = pagePath(note);
        RenderLinks links = new WorkspaceLinks(workspace, addresses(page, copied), resolved);
        if (!includePrivate) {
          links = new PublicLinks(links, workspace);
        }
        RenderedNote r = markdown.render(body, note.soul().value(), note.folder(), links);
        rendered.put(note.soul().value(), r);
        for (String target : r.linkedNotes()) {
          if (!target.equals(note.soul().value())) {
            backlinks.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(note.soul().value());
          }
        }
        if (index.length() > 27) {
          index.append(',');
        }
        index
            .append("{\"t\":")
            .append(json(note.title()))
            .append(",\"p\":")
            .append(json(encodePath(page)))
            .append(",\"f\":")
            .append(json(note.folder()))
            .append(",\"x\":")
            .append(json(excerpt(body)))
            .append('}');
        progress.update("pages", from + i + 1, notes.size());
      }
    }
    index.append("];\n");
    Files.writeString(dir.resolve(PageAssets.DIR).resolve("search-index.js"), index);

    progress.update("writing", 0, notes.size());
    int written = 0;
    for (NoteRef note : notes) {
      String page = pagePath(note);
      String base = "../".repeat(depth(page));
      RenderedNote r = rendered.get(note.soul().value());
      StringBuilder after = new StringBuilder();
      Set<String> from = backlinks.getOrDefault(note.soul().value(), Set.of());
      if (!from.isEmpty()) {
        after.append("<section class=\"backlinks\"><h4>Linked from</h4><ul>");
        from.stream()
            .map(byId::get)
            .filter(java.util.Objects::nonNull)
            .sorted(Comparator.comparing(NoteRef::title, String.CASE_INSENSITIVE_ORDER))
            .forEach(
                src ->
                    after
                        .append("<li><a class=\"internal-link\" href=\"")
                        .append(Html.escape(base + encodePath(pagePath(src))))
                        .append("\">")
                        .append(Html.escape(src.title()))
                        .append("</a></li>"));
        after.append("</ul></section>");
      }
      String html =
          HtmlPage.of(note.title(), r, false, 16, base, nav(base, note), after.toString())
              .replace(
                  "</body>",
                  "<script src=\"" + base + PageAssets.DIR + "/site.js\"></script></body>");
      Path target = dir.resolve(page);
      Files.createDirectories(target.getParent());
      Files.writeString(target, html, StandardCharsets.UTF_8);
      progress.update("writing", ++written, notes.size());
    }
    Files.writeString(dir.resolve("index.html"), indexPage(notes));
    return new Report(
        notes.size(),
        copied.size(),
        problems,
        (System.nanoTime() - start) / 1_000_000,
        all - notes.size());
  }

  private static WorkspaceLinks.Addresses addresses(String page, Set<String> copied) {
    String base = "../".repeat(depth(page));
    return new WorkspaceLinks.Addresses() {
      @Override
      public String note(NoteRef note) {
        return base + encodePath(pagePath(note));
      }

      @Override
      public String attachment(Attachment attachment, Workspace ws) {
        return copied.contains(attachment.path())
            ? base + encodePath(safePath(attachment.path()))
            : null;
      }
    };
  }

  private static String nav(String base, NoteRef note) {
    return "<header class=\"site-nav\"><a href=\""
        + base
        + "index.html\">All notes</a>"
        + (note.folder().isEmpty()
            ? ""
            : "<span class=\"crumb\">" + Html.escape(note.folder()) + "</span>")
        + "<div class=\"site-search\" data-base=\""
        + Html.escape(base)
        + "\"><input type=\"search\" placeholder=\"Search\" aria-label=\"Search\">"
        + "<ul hidden></ul></div></header><h1 class=\"page-title\">"
        + Html.escape(note.title())
        + "</h1>";
  }

  private static String indexPage(List<NoteRef> notes) {
    StringBuilder s = new StringBuilder();
    Map<String, List<NoteRef>> byFolder = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (NoteRef n : notes) {
      byFolder.computeIfAbsent(n.folder(), k -> new ArrayList<>()).add(n);
    }
    for (var e : byFolder.entrySet()) {
      s.append("<h2>")
          .append(Html.escape(e.getKey().isEmpty() ? "/" : e.getKey()))
          .append("</h2><ul>");
      for (NoteRef n : e.getValue()) {
        s.append("<li><a class=\"internal-link\" href=\"")
            .append(Html.escape(encodePath(pagePath(n))))
            .append("\">")
            .append(Html.escape(n.title()))
            .append("</a></li>");
      }
      s.append("</ul>");
    }
    RenderedNote list = new RenderedNote(s.toString(), Set.of(), Set.of(), Set.of());
    String nav =
        "<header class=\"site-nav\"><div class=\"site-search\" data-base=\"\"><input type=\"search\" placeholder=\"Search\" aria-label=\"Search\">"
            + "<ul hidden></ul></div></header><h1 class=\"page-title\">All notes ("
            + notes.size()
            + ")</h1>";
    return HtmlPage.of("All notes", list, false, 16, "", nav, "")
        .replace("</body>", "<script src=\"" + PageAssets.DIR + "/site.js\"></script></body>");
  }

  /** {@code Folder/Title.html}, with characters that file systems refuse replaced. */
  static String pagePath(NoteRef note) {
    return safePath(note.path()) + ".html";
  }

  private static String safePath(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      out.append(c < 32 || "\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
    }
    return out.toString();
  }

  private static int depth(String page) {
    int d = 0;
    for (int i = 0; i < page.length(); i++) {
      if (page.charAt(i) == '/') {
        d++;
      }
    }
    return d;
  }

  /** Each segment of a path percent-encoded (spaces as {@code %20}), the slashes kept. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  private static String excerpt(String body) {
    String text =
        ObsidianMarkdown.prepare(body)
            .replaceAll("[#*_>`=~\\[\\]|-]+", " ")
            .replaceAll("\\s+", " ")
            .strip();
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
  }

  static String json(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> {
          if (c < 32) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String resource(String name) throws IOException {
    try (var in = HtmlSiteExporter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("A bundled asset is missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** For tests and callers that know a note's id: its page, relative to the site's root. */
  public static String pageOf(Workspace workspace, Soul soul) throws StoreException {
    return workspace
        .findNote(soul)
        .map(n -> pagePath(new NoteRef(soul, n.title(), 0, 0, n.folder())))
        .orElseThrow();
  }
}
