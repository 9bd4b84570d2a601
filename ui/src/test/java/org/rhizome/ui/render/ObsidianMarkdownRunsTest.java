package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;

/**
 * Callout titles as Markdown, inline footnotes beside {@code [^1]} ones, and a big note cut into
 * runs of blocks with a block cache: the same page as rendered whole, and rendered again when what
 * a run's links reach changes (an embedded note edited by another writer, a linked note created).
 */
class ObsidianMarkdownRunsTest {
  @TempDir Path dir;

  private Workspace open(String name) throws Exception {
    return Workspace.open(dir.resolve(name + ".db"), DeviceKey.generate(new SecureRandom()));
  }

  private static RenderedNote render(ObsidianMarkdown md, Workspace ws, String body) {
    return md.render(body, null, "", new WorkspaceLinks(ws, FixtureVault.addresses()));
  }

  @Test
  void calloutTitleIsInlineMarkdown() throws Exception {
    try (Workspace ws = open("callout")) {
      ws.createNote("", "Target", "x");
      Document page =
          Jsoup.parseBodyFragment(
              render(
                      new ObsidianMarkdown(),
                      ws,
                      "> [!tip]- **Bold** and [[Target]] and `code`\n> Body text.\n")
                  .html());
      Element title =
          page.selectFirst("details.callout > summary.callout-title .callout-title-inner");
      assertThat(title).isNotNull();
      assertThat(title.select("strong").text()).isEqualTo("Bold");
      assertThat(title.select("a.internal-link").attr("href")).isEqualTo("notes/Target.html");
      assertThat(title.select("code").text()).isEqualTo("code");
      assertThat(title.text()).isEqualTo("Bold and Target and code");
      assertThat(page.select(".callout-content p").text()).isEqualTo("Body text.");

      Element plain =
          Jsoup.parseBodyFragment(
                  render(new ObsidianMarkdown(), ws, "> [!warning]\n> Careful.\n").html())
              .selectFirst(".callout-title-inner");
      assertThat(plain.text()).isEqualTo("Warning");
    }
  }

  @Test
  void inlineFootnotesAreNumberedWithTheOthers() throws Exception {
    try (Workspace ws = open("footnotes")) {
      String md =
          "First[^a], then inline^[An *inline* note], then first again[^a] and a missing one[^zz].\n\n"
              + "[^a]: The first.\n";
      Document page = Jsoup.parseBodyFragment(render(new ObsidianMarkdown(), ws, md).html());
      assertThat(page.select("sup a.footnote-ref").eachText()).containsExactly("1", "2", "1");
      assertThat(page.select("sup").eachAttr("id"))
          .containsExactly("fnref-1", "fnref-2", "fnref-1-1");
      assertThat(page.select("p").first().text()).contains("[^zz]");
      var items = page.select("div.footnotes ol > li");
      assertThat(items.eachAttr("id")).containsExactly("fn-1", "fn-2");
      assertThat(items.get(0).select("p").text()).isEqualTo("The first.");
      assertThat(items.get(0).select("a.footnote-backref").eachAttr("href"))
          .containsExactly("#fnref-1", "#fnref-1-1");
      assertThat(items.get(1).select("p em").text()).isEqualTo("inline");
      assertThat(items.get(1).select("a.footnote-backref").attr("href")).isEqualTo("#fnref-2");
    }
  }

  /**
   * A note of many runs, with a footnote used in one run and defined in another, repeated headings
   * and tasks.
   */
  private static String bigNote(String extra) {
    StringBuilder sb = new StringBuilder("# Top\n\n" + extra + "\n\n");
    for (int i = 0; i < 60; i++) {
      sb.append("## Part\n\nParagraph ")
          .append(i)
          .append(" with [[Linked]] and a note[^n")
          .append(i % 3)
          .append("] and ^[inline ")
          .append(i)
          .append("].\n\n- [ ] task ")
          .append(i)
          .append("\n- [x] done\n\n  continued item\n\n![[Embedded]]\n\n");
      sb.append("x".repeat(200)).append("\n\n");
    }
    sb.append("[^n0]: zero\n\n[^n1]: one\n\n[^n2]: two\n");
    return sb.toString();
  }

  @Test
  void aNoteCutIntoRunsRendersAsTheWholeAndFollowsChanges() throws Exception {
    try (Workspace ws = open("runs");
        Workspace other =
            Workspace.open(dir.resolve("runs.db"), DeviceKey.generate(new SecureRandom()))) {
      Soul embedded = ws.createNote("", "Embedded", "Embedded text, version one.");
      ObsidianMarkdown whole = new ObsidianMarkdown();
      whole.minRun = Integer.MAX_VALUE;
      ObsidianMarkdown cut = new ObsidianMarkdown().withBlockCache(10_000_000);
      cut.minRun = 0;
      String note = bigNote("Intro.");

      String expected = HtmlStructure.of(render(whole, ws, note).html());
      assertThat(MarkdownBlocks.split(ObsidianMarkdown.prepare(note), 0)).hasSizeGreaterThan(100);
      assertThat(HtmlStructure.of(render(cut, ws, note).html())).isEqualTo(expected);
      assertThat(HtmlStructure.of(render(cut, ws, note).html())).isEqualTo(expected);
      Document page = Jsoup.parseBodyFragment(render(cut, ws, note).html());
      assertThat(page.select("h2").eachAttr("id")).startsWith("part", "part-1", "part-2");
      assertThat(page.select("div.footnotes li")).hasSize(3 + 60);
      assertThat(page.select("a.is-unresolved").first().text()).isEqualTo("Linked");

      // Text added at the top: the task offsets of cached runs move with it.
      String longer = bigNote("Intro, now longer.");
      Document moved = Jsoup.parseBodyFragment(render(cut, ws, longer).html());
      int delta = longer.length() - note.length();
      var before = page.select("input.task-list-item-checkbox").eachAttr("data-offset");
      var after = moved.select("input.task-list-item-checkbox").eachAttr("data-offset");
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.size(); i++) {
        int offset = Integer.parseInt(after.get(i));
        assertThat(offset).isEqualTo(Integer.parseInt(before.get(i)) + delta);
        assertThat(longer.charAt(offset)).isIn(' ', 'x');
      }

      // Another writer edits the embedded note and creates the linked one: cached runs are not
      // reused.
      other.editBody(embedded, "Embedded text, version two.");
      other.createNote("", "Linked", "now here");
      Document changed = Jsoup.parseBodyFragment(render(cut, ws, longer).html());
      assertThat(changed.select(".markdown-embed-content").eachText())
          .allMatch(t -> t.contains("version two"));
      assertThat(changed.select("a.is-unresolved")).isEmpty();
      assertThat(HtmlStructure.of(changed.body().html()))
          .isEqualTo(HtmlStructure.of(render(whole, ws, longer).html()));
    }
  }
}
