package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.markdown.MarkdownParser;

/** The reading view's tag chips are the tags the index stores, no more, no fewer. */
class TagChipsTest {
  private static final Pattern CHIP = Pattern.compile("data-tag=\"([^\"]*)\"");

  static List<String> chips(String markdown) {
    String html = new ObsidianMarkdown().render(markdown, null, "", RenderLinks.NOWHERE).html();
    List<String> out = new ArrayList<>();
    Matcher m = CHIP.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void chipsAreTheIndexedTags() {
    String[] notes = {
      "plain #one and #two/sub",
      "# Heading #inhead",
      "`#code` and #real",
      "trailing #dir/ slash",
      "_#em_ and *#star*",
      "[see #linked](https://x.org/#frag)",
      "#123 and #y2024",
      "a#b c#d",
      "<span title=\"#attr\">#inner</span>",
      "$#math$ and #after",
      "{#brace} ,#comma",
      "- [ ] task #todo",
      "> quote #q",
      "| a | #cell |\n|---|---|\n| #x | y |"
    };
    for (String note : notes) {
      assertThat(chips(note)).as(note).isEqualTo(new MarkdownParser().parse(note).tags());
    }
  }

  @Test
  void aChipShowsItsTagOnce() {
    assertThat(chips("x #dir/ y")).containsExactly("dir");
    assertThat(new ObsidianMarkdown().render("x #dir/ y", null, "", RenderLinks.NOWHERE).html())
        .contains(">#dir</span>/");
  }

  @Test
  void theSecondParseIsSkippedOnlyWhenNoTagCanBeThere() {
    assertThat(TagChips.mayHaveTag("# Heading\n\n## Sub\n\nText, no tag. C# ok? #\n")).isFalse();
    assertThat(TagChips.mayHaveTag("text #tag")).isTrue();
    assertThat(TagChips.mayHaveTag("#1/")).isTrue();
    assertThat(TagChips.mayHaveTag("#_a")).isTrue();
    assertThat(TagChips.mayHaveTag("#été")).isTrue();
    assertThat(TagChips.mayHaveTag("#日本")).isTrue();
    // And where the shortcut is taken, the rendering is the same as without it.
    String note = "# Title\n\n## Part\n\nC# and F# are languages; # alone.\n";
    assertThat(new ObsidianMarkdown().render(note, null, "", RenderLinks.NOWHERE).html())
        .doesNotContain("class=\"tag\"");
  }
}
