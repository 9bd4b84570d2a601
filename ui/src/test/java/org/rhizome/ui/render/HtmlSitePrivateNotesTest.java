package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.vault.VaultProgress;

/**
 * A site is made to be handed on, so a private note (issue 16) gets no page, no search entry, and
 * no word of it on a public page that links to or embeds it — unless the person asks for it.
 */
class HtmlSitePrivateNotesTest {
  private static final String MARKER = "Qqprivatesitemarker";

  @TempDir Path dir;

  @Test
  void privateNotesAreLeftOutOfTheSiteUnlessAskedFor() throws Exception {
    Path site = dir.resolve("site");
    Path all = dir.resolve("all");
    try (Workspace ws =
        Workspace.create(
            dir.resolve("team.db"), DeviceKey.generate(new SecureRandom()), "Team", "Ada")) {
      ws.createPrivateNote("", "Salaries", "pay " + MARKER + "\n", List.of());
      ws.createNote("", "Plan", "see [[Salaries]]\n\n![[Salaries]]\n\nand [[Budget]]\n");
      ws.createNote("", "Budget", "numbers\n");

      HtmlSiteExporter exporter = new HtmlSiteExporter(ws, new ObsidianMarkdown());
      HtmlSiteExporter.Report report = exporter.export(site, VaultProgress.NONE);
      assertThat(report.pages()).isEqualTo(2);
      assertThat(report.privateLeftOut()).isEqualTo(1);

      HtmlSiteExporter.Report everything =
          exporter.includingPrivate().export(all, VaultProgress.NONE);
      assertThat(everything.pages()).isEqualTo(3);
      assertThat(everything.privateLeftOut()).isZero();
    }
    assertThat(site.resolve("Salaries.html")).doesNotExist();
    assertThat(filesText(site)).doesNotContain(MARKER);
    Document plan = Jsoup.parse(site.resolve("Plan.html").toFile(), "UTF-8");
    assertThat(plan.select("a[href]").eachAttr("href")).noneMatch(h -> h.contains("Salaries"));
    assertThat(plan.select("a[href]").eachAttr("href")).anyMatch(h -> h.contains("Budget"));

    // Asked for, the private note is a page like any other and the public page embeds it.
    assertThat(all.resolve("Salaries.html")).isRegularFile();
    assertThat(Files.readString(all.resolve("Plan.html"))).contains(MARKER);
  }

  private static String filesText(Path root) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        text.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }
}
