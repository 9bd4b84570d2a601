package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.vault.VaultProgress;

/**
 * {@code export --html} of the fixture vault: pages, relative links that reach real files,
 * backlinks, attachments, search.
 */
class HtmlSiteExporterTest {
  @TempDir Path dir;

  @Test
  void fixtureVaultBecomesASiteWhoseLinksAllReachFiles() throws Exception {
    Path site = dir.resolve("site");
    try (Workspace ws = FixtureVault.load(dir)) {
      HtmlSiteExporter.Report report =
          new HtmlSiteExporter(ws, new ObsidianMarkdown()).export(site, VaultProgress.NONE);
      assertThat(report.pages()).isEqualTo(5);
      assertThat(report.attachments()).isEqualTo(5);
      assertThat(report.problems()).isEmpty();
    }
    assertThat(site.resolve("Showcase.html")).isRegularFile();
    assertThat(site.resolve("Projects/Plan.html")).isRegularFile();
    assertThat(site.resolve("Attachments/photo.png")).isRegularFile();
    assertThat(site.resolve("index.html")).isRegularFile();
    for (String asset :
        List.of(
            "katex/katex.min.js",
            "katex/katex.min.css",
            "mermaid/mermaid.min.js",
            "highlight/highlight.min.js",
            "page.js",
            "site.js",
            "search-index.js")) {
      assertThat(site.resolve("_assets").resolve(asset)).isRegularFile();
    }
    try (Stream<Path> fonts = Files.list(site.resolve("_assets/katex/fonts"))) {
      assertThat(fonts.count()).isGreaterThan(10);
    }

    // Every relative address in every page reaches a file of the site.
    List<String> broken = new ArrayList<>();
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(site)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
    }
    for (Path page : pages) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element e : doc.select("[href], [src]")) {
        String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (url.startsWith("#") || url.startsWith("http") || url.isEmpty()) {
          continue;
        }
        String file =
            URLDecoder.decode(
                url.replaceAll("#.*$", "").replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!Files.exists(page.getParent().resolve(file).normalize())) {
          broken.add(site.relativize(page) + " -> " + url);
        }
      }
    }
    assertThat(broken).isEmpty();

    Document plan = Jsoup.parse(site.resolve("Projects/Plan.html").toFile(), "UTF-8");
    assertThat(plan.select(".backlinks a").eachText()).containsExactly("Embedded", "Showcase");
    assertThat(plan.select(".backlinks a").first().attr("href")).isEqualTo("../Embedded.html");
    assertThat(plan.select("h1.page-title").text()).isEqualTo("Plan");

    Document showcase = Jsoup.parse(site.resolve("Showcase.html").toFile(), "UTF-8");
    assertThat(showcase.select("a.internal-link[data-href=Projects/Plan]").attr("href"))
        .isEqualTo("Projects/Plan.html");
    assertThat(showcase.select("img.image-embed").first().attr("src"))
        .isEqualTo("Attachments/photo.png");
    assertThat(showcase.select("a.is-unresolved").first().hasAttr("href"))
        .as("an unresolved link goes nowhere on a site")
        .isFalse();
    assertThat(showcase.select("script[src]").eachAttr("src"))
        .contains(
            "_assets/katex/katex.min.js", "_assets/highlight/highlight.min.js", "_assets/page.js");
    // Mermaid's big script is loaded by the page script once a diagram is on the page.
    assertThat(showcase.select("script[src=_assets/page.js]").attr("data-mermaid"))
        .isEqualTo("_assets/mermaid/mermaid.min.js");
    assertThat(site.resolve("_assets/mermaid/mermaid.min.js")).isRegularFile();

    String index = Files.readString(site.resolve("_assets/search-index.js"));
    assertThat(index)
        .startsWith("window.RHIZOME_SEARCH=[")
        .contains("\"t\":\"Loop B\"")
        .contains("\"p\":\"Projects/Plan.html\"");
    assertThat(index).doesNotContain("hidden from readers");
  }
}
