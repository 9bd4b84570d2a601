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

/**
 * The reading view's page of a long note: its first screens in the article, the rest in a template
 * the page script moves in; cut between whole blocks, so that the two together are the page
 * rendered whole (the same elements, footnotes at the end). Rendering a long note's runs in
 * parallel gives the same HTML as one by one.
 */
class HtmlPageReadingTest {
  @TempDir Path dir;

  private static String longNote() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 120_000; i++) {
      sb.append(RenderWarmUp.sample(i));
    }
    return sb.toString();
  }

  @Test
  void longNoteIsCutBetweenBlocksAndTheTwoPartsAreTheWholePage() throws Exception {
    try (Workspace ws =
        Workspace.open(dir.resolve("r.db"), DeviceKey.generate(new SecureRandom()))) {
      ws.createNote("", "Note 3", "A linked note.");
      WorkspaceLinks links = new WorkspaceLinks(ws, FixtureVault.addresses());
      String note = longNote();
      RenderedNote parallel = new ObsidianMarkdown().render(note, null, "", links);
      ObsidianMarkdown oneByOne = new ObsidianMarkdown();
      RenderedNote whole = oneByOne.render(note, null, "", links);
      assertThat(parallel.html()).isEqualTo(whole.html());

      assertThat(whole.fold()).isBetween(PageAssembly.FOLD_CHARS, whole.html().length() / 2);
      Document page = Jsoup.parse(HtmlPage.reading(whole, false, 15, ""));
      Element article = page.selectFirst("article.markdown-rendered");
      Element rest = page.selectFirst("template#rhizome-rest");
      assertThat(rest).isNotNull();
      Document joined =
          Jsoup.parseBodyFragment(
              whole.html().substring(0, whole.fold()) + whole.html().substring(whole.fold()));
      // Each part is whole elements: parsed apart, they hold the same elements as the page.
      Document first = Jsoup.parseBodyFragment(whole.html().substring(0, whole.fold()));
      Document second = Jsoup.parseBodyFragment(whole.html().substring(whole.fold()));
      assertThat(first.body().children().size() + second.body().children().size())
          .isEqualTo(joined.body().children().size());
      assertThat(article.children().size()).isEqualTo(first.body().children().size());
      assertThat(second.select("div.footnotes")).hasSize(1);
      assertThat(article.select("div.footnotes")).isEmpty();
    }
  }

  @Test
  void shortNoteIsOnePart() throws Exception {
    RenderedNote note =
        new ObsidianMarkdown().render("# Short\n\nText.\n", null, "", RenderLinks.NOWHERE);
    assertThat(note.fold()).isEqualTo(note.html().length());
    assertThat(HtmlPage.reading(note, true, 15, "")).doesNotContain("<template");
    // The same page as the export's, with the mark the reading view patches segments by.
    assertThat(HtmlPage.reading(note, true, 15, ""))
        .isEqualTo(
            HtmlPage.of("", note, true, 15, "", "", "")
                .replace(
                    "<article class=\"markdown-rendered\">",
                    "<article class=\"markdown-rendered\">" + HtmlPage.SEGMENT_MARK));
  }

  @Test
  void startOfALongNoteIsTheStartOfTheWholeAndItsPageWaitsForTheRest() throws Exception {
    try (Workspace ws =
        Workspace.open(dir.resolve("s.db"), DeviceKey.generate(new SecureRandom()))) {
      WorkspaceLinks links = new WorkspaceLinks(ws, FixtureVault.addresses());
      String note = longNote();
      ObsidianMarkdown md = new ObsidianMarkdown().withBlockCache(8_000_000);
      ObsidianMarkdown.Start start = md.renderStart(note, null, "", links);
      assertThat(start.whole()).isFalse();
      RenderedNote whole = md.render(note, null, "", links);
      String shown = start.note().html();
      assertThat(shown.length()).isBetween(PageAssembly.FOLD_CHARS / 2, whole.html().length() / 2);
      assertThat(whole.html()).startsWith(shown);
      assertThat(whole.features()).containsAll(start.note().features());

      Document page = Jsoup.parse(HtmlPage.readingStart(start.note(), false, 15, ""));
      Element rest = page.selectFirst("template#rhizome-rest");
      assertThat(rest).isNotNull();
      assertThat(rest.hasAttr("data-coming")).isTrue();
      assertThat(rest.html()).isEmpty();
      assertThat(page.selectFirst("article.markdown-rendered").children().size())
          .isEqualTo(Jsoup.parseBodyFragment(shown).body().children().size());
    }
  }

  @Test
  void footnoteDefinedFurtherDownShowsAsItsSourceUntilTheWholeNoteIsRendered() {
    StringBuilder sb = new StringBuilder("First line with a reference[^late].\n\n");
    for (int i = 0; sb.length() < 60_000; i++) {
      sb.append("Paragraph ").append(i).append(" with some words to fill the note.\n\n");
    }
    sb.append("[^late]: Defined at the very end.\n");
    ObsidianMarkdown md = new ObsidianMarkdown().withBlockCache(8_000_000);
    ObsidianMarkdown.Start start = md.renderStart(sb.toString(), null, "", RenderLinks.NOWHERE);
    RenderedNote whole = md.render(sb.toString(), null, "", RenderLinks.NOWHERE);
    assertThat(start.whole()).isFalse();
    assertThat(start.note().html()).contains("[^late]");
    // The reading view then replaces the start with the whole note (rhizomeRest's replace).
    assertThat(whole.html()).doesNotStartWith(start.note().html());
    assertThat(whole.html()).contains("href=\"#fn-1\"").contains("Defined at the very end.");
  }

  @Test
  void startOfAShortNoteIsTheWholeNote() {
    ObsidianMarkdown md = new ObsidianMarkdown();
    String text = "# Short\n\nText with $x$ and a footnote[^a].\n\n[^a]: Here.\n";
    ObsidianMarkdown.Start start = md.renderStart(text, null, "", RenderLinks.NOWHERE);
    assertThat(start.whole()).isTrue();
    RenderedNote whole = md.render(text, null, "", RenderLinks.NOWHERE);
    assertThat(start.note().html()).isEqualTo(whole.html());
    assertThat(start.note().features()).isEqualTo(whole.features());
  }

  @Test
  void missingAssetsAreWhatTheRestNeedsAndTheStartDidNotLoad() {
    var none = java.util.EnumSet.noneOf(RenderedNote.Feature.class);
    var math = java.util.EnumSet.of(RenderedNote.Feature.MATH);
    var all = java.util.EnumSet.allOf(RenderedNote.Feature.class);
    assertThat(PageAssets.missing(all, all, "b/", false)).isEmpty();
    assertThat(PageAssets.missing(none, math, "b/", false))
        .isEqualTo("style b/_assets/katex/katex.min.css\nscript b/_assets/katex/katex.min.js\n");
    assertThat(PageAssets.missing(math, all, "", true))
        .contains("github-dark.min.css")
        .contains("script _assets/highlight/highlight.min.js")
        .contains("mermaid _assets/mermaid/mermaid.min.js")
        .doesNotContain("katex");
  }
}
