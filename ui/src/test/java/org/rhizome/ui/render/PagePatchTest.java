package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A patch applied to the marked HTML of one rendering gives the marked HTML of the other, whatever
 * the edit (here applied to the string as the page script applies it to the DOM: segments cut at
 * their marks, task offsets after them shifted); an edit in one run replaces that run only.
 */
class PagePatchTest {
  private static final String[] SNIPPETS = {
    " typed", "\n\n## Part 1\n\n", "\n\n- [ ] task\n\n", " [^a]", "\n\n[^a]: def\n\n", "\n\n", "x"
  };

  private static ObsidianMarkdown markdown() {
    ObsidianMarkdown md = new ObsidianMarkdown().withBlockCache(1_000_000);
    md.minRun = 200;
    return md;
  }

  private static String note() {
    StringBuilder sb = new StringBuilder("# T\n\nStart[^a].\n\n");
    for (int i = 0; i < 60; i++) {
      sb.append("## Part ").append(i % 4).append("\n\nWords ").append(i).append(".\n\n");
      if (i % 5 == 0) {
        sb.append("- [ ] task ").append(i).append("\n\n");
      }
    }
    return sb.append("[^a]: The end.\n").toString();
  }

  @Test
  void aPatchTurnsOnePageIntoTheOther() {
    ObsidianMarkdown md = markdown();
    Random random = new Random(7);
    String text = note();
    RenderedNote shown = md.render(text, null, "", RenderLinks.NOWHERE);
    for (int step = 0; step < 200; step++) {
      int at = random.nextInt(text.length() + 1);
      text =
          random.nextInt(4) == 0 && text.length() > 100
              ? text.substring(0, Math.min(at, text.length() - 50))
                  + text.substring(Math.min(at, text.length() - 50) + random.nextInt(40))
              : text.substring(0, at)
                  + SNIPPETS[random.nextInt(SNIPPETS.length)]
                  + text.substring(at);
      RenderedNote next = md.render(text, null, "", RenderLinks.NOWHERE);
      PagePatch patch = PagePatch.between(shown, next);
      assertThat(apply(HtmlPage.marked(shown), patch))
          .as("step " + step)
          .isEqualTo(HtmlPage.marked(next));
      shown = next;
    }
  }

  @Test
  void anEditInOneRunReplacesThatRunAndShiftsTheTasksBelow() {
    ObsidianMarkdown md = markdown();
    String text = note();
    RenderedNote before = md.render(text, null, "", RenderLinks.NOWHERE);
    assertThat(before.segments().size()).isGreaterThan(5);
    String edited = text.replace("Words 2.", "Words two.");
    PagePatch patch = PagePatch.between(before, md.render(edited, null, "", RenderLinks.NOWHERE));
    assertThat(patch.count()).isEqualTo(1);
    assertThat(patch.html()).contains("Words two.").doesNotContain("Words 40.");
    assertThat(patch.shift()).isEqualTo(2);
    assertThat(PagePatch.between(before, before).isEmpty()).isTrue();
  }

  /** The page script's rhizomePatch, on the marked HTML as a string. */
  private static String apply(String marked, PagePatch patch) {
    List<String> segments = new ArrayList<>();
    int at = marked.indexOf(HtmlPage.SEGMENT_MARK);
    while (at >= 0) {
      int next = marked.indexOf(HtmlPage.SEGMENT_MARK, at + 1);
      segments.add(marked.substring(at, next < 0 ? marked.length() : next));
      at = next;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < patch.first(); i++) {
      out.append(segments.get(i));
    }
    out.append(patch.html());
    for (int i = patch.first() + patch.count(); i < segments.size(); i++) {
      out.append(shifted(segments.get(i), patch.shift()));
    }
    return out.toString();
  }

  private static String shifted(String html, int shift) {
    var m = java.util.regex.Pattern.compile("data-offset=\"(\\d+)\"").matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "data-offset=\"" + (Integer.parseInt(m.group(1)) + shift) + "\"");
    }
    m.appendTail(out);
    return out.toString();
  }
}
