package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.util.Random;
import javafx.scene.web.WebView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.render.HtmlPage;
import org.rhizome.ui.render.RenderedNote;
import org.rhizome.ui.shell.UiHarness;

/**
 * Edits shown in the real reading view are patched into the page it has (no new page is loaded),
 * and after any sequence of random edits by another writer — words typed anywhere, headings that
 * repeat (their ids renumbered below), tasks (their offsets moved), footnote references and
 * definitions (numbers and the list at the end), cuts — the page holds exactly what a full render
 * of the final text gives, compared as structure (elements, attributes, text) and segment marks.
 */
class ReadingViewPatchIT {
  @TempDir Path dir;

  private static final String[] SNIPPETS = {
    " typed",
    "\n\n## Part 3\n\n",
    "\n\n- [ ] a new task\n- [x] done\n\n",
    " see [^a] ",
    "\n\n[^a]: The footnote a.\n\n",
    " [^b]",
    "\n\n> [!tip] A callout\n> inside\n\n",
    " [[Other]] and #tag ",
    "\n\n",
    "**bold** ==mark== ",
  };

  private static String note() {
    StringBuilder sb = new StringBuilder("# Patch\n\nStart[^b] with a link to [[Other]].\n\n");
    for (int i = 0; sb.length() < 40_000; i++) {
      sb.append("## Part ").append(i % 5).append("\n\n");
      sb.append("Paragraph ").append(i).append(" with some words to fill the note.\n\n");
      if (i % 4 == 0) {
        sb.append("- [ ] task ").append(i).append("\n- [x] done ").append(i).append("\n\n");
      }
    }
    sb.append("[^b]: Defined at the end.\n");
    return sb.toString();
  }

  @Test
  void randomEditsPatchThePageToExactlyAFullRender() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("", "Other", "other");
              ws.createNote("", "Patch", note());
            })) {
      Soul soul = ui.workspace().resolve("Patch").orElseThrow().soul();
      runFx(() -> ui.window().openNote(soul));
      waitFor(
          "open",
          () -> ok(() -> ui.window().editors().noteTab(soul).map(NoteTab::isLoaded).orElse(false)));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      WebView web = onFx(() -> (WebView) ui.session().stage().getScene().lookup(".reading-view"));
      String first = expected(ui, soul);
      waitFor("page like a full render", () -> ok(() -> first.equals(shown(web))));

      Random random = new Random(14);
      for (int step = 0; step < 12; step++) {
        String body = ui.workspace().findNote(soul).orElseThrow().body();
        String next;
        if (random.nextInt(4) == 0 && body.length() > 200) {
          int at = random.nextInt(body.length() - 100);
          next = body.substring(0, at) + body.substring(at + 1 + random.nextInt(60));
        } else {
          int at = random.nextInt(body.length() + 1);
          next =
              body.substring(0, at)
                  + SNIPPETS[random.nextInt(SNIPPETS.length)]
                  + body.substring(at);
        }
        ui.workspace().editBody(soul, next);
        String expected = expected(ui, soul);
        int s = step;
        waitFor(
            "edit " + s + " shown as a full render shows it",
            () -> ok(() -> expected.equals(shown(web))));
        if (step == 0) {
          // From here on, a page loaded anew would lose this.
          runFx(() -> web.getEngine().executeScript("window.rhizomeSamePage = true"));
        }
      }
      assertThat(onFx(() -> web.getEngine().executeScript("window.rhizomeSamePage === true")))
          .as("every edit patched into the page, none loaded a new one")
          .isEqualTo(true);
    }
  }

  /** The structure of the note's text rendered whole from scratch, as a reading page marks it. */
  private static String expected(UiHarness ui, Soul soul) throws Exception {
    String body = ui.workspace().findNote(soul).orElseThrow().body();
    RenderedNote full =
        new MarkdownHtml()
            .markdown()
            .render(body, soul.value(), "", MarkdownHtml.links(ui.workspace()));
    return structure(HtmlPage.marked(full));
  }

  /** The structure of the page's article once it holds the whole note (FX thread). */
  private static String shown(WebView web) {
    String html =
        String.valueOf(
            web.getEngine()
                .executeScript(
                    "(function(){var a=document.querySelector('article.markdown-rendered');"
                        + "return document.getElementById('rhizome-rest')===null&&a?a.innerHTML:'';})()"));
    return structure(html);
  }

  /** Elements with sorted attributes, text with white space collapsed, and the segment marks. */
  private static String structure(String html) {
    StringBuilder out = new StringBuilder();
    for (Node child : Jsoup.parseBodyFragment(html).body().childNodes()) {
      write(child, 0, out);
    }
    return out.toString();
  }

  private static void write(Node node, int depth, StringBuilder out) {
    if (node instanceof TextNode t) {
      String text = t.getWholeText().replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        out.append("  ".repeat(depth)).append('"').append(text).append("\"\n");
      }
      return;
    }
    if (node instanceof org.jsoup.nodes.Comment c) {
      out.append("  ".repeat(depth)).append("<!--").append(c.getData()).append("-->\n");
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    var attrs = new java.util.TreeMap<String, String>();
    e.attributes().forEach(a -> attrs.put(a.getKey(), a.getValue()));
    out.append("  ".repeat(depth)).append('<').append(e.tagName());
    attrs.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    out.append(">\n");
    for (Node child : e.childNodes()) {
      write(child, depth + 1, out);
    }
  }

  private static boolean ok(java.util.concurrent.Callable<Boolean> check) {
    try {
      return check.call();
    } catch (Exception e) {
      return false;
    }
  }
}
