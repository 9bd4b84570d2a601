package org.rhizome.ui.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts and styles a rendered page may need, bundled in the app from webjars (KaTeX, Mermaid,
 * highlight.js) plus our page script: copied into a folder once, so that pages load them by
 * relative paths from disk, with no network — the reading view's cache and the HTML export alike.
 */
public final class PageAssets {
  /** The folder, under the one given to {@link #copyTo}, that holds everything. */
  public static final String DIR = "_assets";

  private PageAssets() {}

  /**
   * Copies the assets to {@code dir}/{@value #DIR} (files already there of the same size are kept).
   */
  public static void copyTo(Path dir) throws IOException {
    Path out = dir.resolve(DIR);
    String katex = webjar("org.webjars.npm", "katex", "katex") + "/dist/";
    copy(katex + "katex.min.js", out.resolve("katex/katex.min.js"));
    String css = text(katex + "katex.min.css");
    write(css, out.resolve("katex/katex.min.css"));
    Matcher fonts = Pattern.compile("url\\((fonts/[^)]+)\\)").matcher(css);
    while (fonts.find()) {
      copy(katex + fonts.group(1), out.resolve("katex").resolve(fonts.group(1)));
    }
    copy(
        webjar("org.webjars.npm", "mermaid", "mermaid") + "/dist/mermaid.min.js",
        out.resolve("mermaid/mermaid.min.js"));
    String hljs = webjar("org.webjars", "highlightjs", "highlightjs");
    copy(hljs + "/highlight.min.js", out.resolve("highlight/highlight.min.js"));
    copy(hljs + "/styles/github.min.css", out.resolve("highlight/github.min.css"));
    copy(hljs + "/styles/github-dark.min.css", out.resolve("highlight/github-dark.min.css"));
    copy("org/rhizome/ui/render/page.js", out.resolve("page.js"));
  }

  /** The tags for a page's head: KaTeX's and highlight.js's styles when the page uses them. */
  public static String head(RenderedNote note, String base, boolean dark) {
    StringBuilder s = new StringBuilder();
    if (note.features().contains(RenderedNote.Feature.MATH)) {
      s.append("<link rel=\"stylesheet\" href=\"")
          .append(base)
          .append(DIR)
          .append("/katex/katex.min.css\">");
    }
    if (note.features().contains(RenderedNote.Feature.CODE)) {
      s.append("<link rel=\"stylesheet\" href=\"")
          .append(base)
          .append(DIR)
          .append("/highlight/")
          .append(dark ? "github-dark" : "github")
          .append(".min.css\">");
    }
    return s.toString();
  }

  /**
   * The scripts at the end of a page's body: only those it needs, then the page script (which loads
   * Mermaid's itself when the page has a diagram).
   */
  public static String scripts(RenderedNote note, String base) {
    List<String> files = new ArrayList<>();
    if (note.features().contains(RenderedNote.Feature.MATH)) {
      files.add("katex/katex.min.js");
    }
    if (note.features().contains(RenderedNote.Feature.CODE)) {
      files.add("highlight/highlight.min.js");
    }
    StringBuilder s = new StringBuilder();
    for (String f : files) {
      s.append("<script src=\"")
          .append(base)
          .append(DIR)
          .append('/')
          .append(f)
          .append("\"></script>");
    }
    // Mermaid's script is 3 MB: the page script loads it once a diagram is on the page, after the
    // first part of the page is on screen.
    s.append("<script src=\"").append(base).append(DIR).append("/page.js\"");
    if (note.features().contains(RenderedNote.Feature.MERMAID)) {
      s.append(" data-mermaid=\"")
          .append(Html.escape(base + DIR + "/mermaid/mermaid.min.js"))
          .append('"');
    }
    return s.append("></script>").toString();
  }

  /**
   * What a page made with {@code shown}'s features must load when the rest of its note arrives with
   * {@code whole}'s: one line per file, {@code style URL}, {@code script URL} or {@code mermaid
   * URL}, for the page script's {@code rhizomeRest} ({@code ""} when nothing is missing).
   */
  public static String missing(
      java.util.Set<RenderedNote.Feature> shown,
      java.util.Set<RenderedNote.Feature> whole,
      String base,
      boolean dark) {
    StringBuilder s = new StringBuilder();
    String dir = base + DIR + "/";
    for (RenderedNote.Feature f : whole) {
      if (shown.contains(f)) {
        continue;
      }
      switch (f) {
        case MATH ->
            s.append("style ")
                .append(dir)
                .append("katex/katex.min.css\nscript ")
                .append(dir)
                .append("katex/katex.min.js\n");
        case CODE ->
            s.append("style ")
                .append(dir)
                .append("highlight/")
                .append(dark ? "github-dark" : "github")
                .append(".min.css\nscript ")
                .append(dir)
                .append("highlight/highlight.min.js\n");
        case MERMAID -> s.append("mermaid ").append(dir).append("mermaid/mermaid.min.js\n");
      }
    }
    return s.toString();
  }

  /**
   * {@code META-INF/resources/webjars/<name>/<version>}, the version read from the webjar's own
   * Maven metadata.
   */
  private static String webjar(String group, String artifact, String name) throws IOException {
    String props = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(props)) {
      if (in == null) {
        throw new IOException(
            "The bundled " + artifact + " is missing from the class path (" + props + ")");
      }
      Properties p = new Properties();
      p.load(in);
      return "META-INF/resources/webjars/" + name + "/" + p.getProperty("version");
    }
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("A bundled asset is missing: " + resource);
    }
    return in;
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = open(resource)) {
      byte[] bytes = in.readAllBytes();
      if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
        return;
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".asset", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void write(String text, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
