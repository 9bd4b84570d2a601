package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class MarkdownHighlighterTest {

  /** "style:text" for each styled run. */
  static List<String> runs(String line, boolean fence) {
    StyleSpans<Collection<String>> spans = MarkdownHighlighter.styleLine(line, fence);
    List<String> out = new ArrayList<>();
    int at = 0;
    for (StyleSpan<Collection<String>> span : spans) {
      if (!span.getStyle().isEmpty() && span.getLength() > 0) {
        out.add(String.join("+", span.getStyle()) + ":" + line.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertThat(at).as("spans cover the line").isEqualTo(line.length());
    return out;
  }

  @Test
  void inlineSyntaxIsMarked() {
    assertThat(runs("a [[Link|x]] **b** *c* `d` #tag/sub [e](http://x) https://y.z", false)).containsExactly(
        "md-wikilink:[[Link|x]]", "md-strong:**b**", "md-em:*c*", "md-code:`d`", "md-tag:#tag/sub",
        "md-link:[e](http://x)", "md-link:https://y.z");
  }

  @Test
  void headingsListsQuotesAndFences() {
    assertThat(runs("## Two", false)).containsExactly("md-heading+md-h2:## Two");
    assertThat(runs("- [ ] task [[L]]", false)).containsExactly("md-list:- [ ] ", "md-wikilink:[[L]]");
    assertThat(runs("> quoted", false)).containsExactly("md-quote:> quoted");
    assertThat(runs("[[not a link]] inside", true)).containsExactly("md-fence:[[not a link]] inside");
    assertThat(MarkdownHighlighter.fenceToggles("   ```java")).isTrue();
    assertThat(MarkdownHighlighter.fenceToggles("    ```")).isFalse();
  }

  @Test
  void aNumberSignInsideAWordOrAHeadingMarkerIsNotATag() {
    assertThat(runs("issue#12 and C# and #123", false)).isEmpty();
    assertThat(runs("#nospace", false)).containsExactly("md-tag:#nospace");
  }

  @Test
  void anEmptyLineHasOneEmptySpan() {
    assertThat(runs("", false)).isEmpty();
  }

  @Test
  void unresolvedWikilinksGetAClassOfTheirOwn() {
    java.util.function.Predicate<String> missing = t -> t.equalsIgnoreCase("Nowhere");
    List<String> out = new ArrayList<>();
    int at = 0;
    String line = "to [[Somewhere]] and [[nowhere#Part|there]] and ![[Nowhere]]";
    for (StyleSpan<Collection<String>> span : MarkdownHighlighter.styleLine(line, false, missing)) {
      if (!span.getStyle().isEmpty()) {
        out.add(String.join("+", span.getStyle()) + ":" + line.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertThat(out).containsExactly("md-wikilink:[[Somewhere]]",
        "md-wikilink+md-wikilink-unresolved:[[nowhere#Part|there]]", "md-wikilink+md-wikilink-unresolved:![[Nowhere]]");
    assertThat(MarkdownHighlighter.linkTarget("![[ A/B #h|x]]")).isEqualTo("A/B");
  }
}
