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
        out.add(
            String.join("+", span.getStyle()) + ":" + line.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertThat(at).as("spans cover the line").isEqualTo(line.length());
    return out;
  }

  @Test
  void inlineSyntaxIsMarked() {
    assertThat(runs("a [[Link|x]] **b** *c* `d` #tag/sub [e](http://x) https://y.z", false))
        .containsExactly(
            "md-wikilink:[[Link|x]]",
            "md-strong:**b**",
            "md-em:*c*",
            "md-code:`d`",
            "md-tag:#tag/sub",
            "md-link:[e](http://x)",
            "md-link:https://y.z");
  }

  @Test
  void headingsListsQuotesAndFences() {
    assertThat(runs("## Two", false)).containsExactly("md-heading+md-h2:## Two");
    assertThat(runs("- [ ] task [[L]]", false))
        .containsExactly("md-list:- [ ] ", "md-wikilink:[[L]]");
    assertThat(runs("> quoted", false)).containsExactly("md-quote:> quoted");
    assertThat(runs("[[not a link]] inside", true))
        .containsExactly("md-fence:[[not a link]] inside");
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
        out.add(
            String.join("+", span.getStyle()) + ":" + line.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertThat(out)
        .containsExactly(
            "md-wikilink:[[Somewhere]]",
            "md-wikilink+md-wikilink-unresolved:[[nowhere#Part|there]]",
            "md-wikilink+md-wikilink-unresolved:![[Nowhere]]");
    assertThat(MarkdownHighlighter.linkTarget("![[ A/B #h|x]]")).isEqualTo("A/B");
  }

  /**
   * Where the editor's own regex rules and the index disagreed: now a highlighted tag is an indexed
   * tag.
   */
  @Test
  void aHighlightedTagIsExactlyATagTheIndexStores() {
    String[] notes = {
      "## Plan #project", // the regex styled the whole heading and no tag; the index has the tag
      "[see #later](https://x.org/#frag)", // a tag in a link's text counts; the URL fragment does
      // not
      "``code with ` and #notatag``", // a code span with a backtick inside
      "<a title=\"x #notatag\">y</a> $#math$ and #real", // HTML and math are not text
      "para\n\n    #indented code", // indented code
      "#123 is a number, #y2024 a tag",
      "~~~\n#fenced\n~~~\n#after"
    };
    for (String note : notes) {
      List<String> shown = new ArrayList<>();
      for (org.rhizome.graph.markdown.MarkdownSpan s :
          org.rhizome.graph.markdown.MarkdownSpans.of(note).spans()) {
        if (s.kind() == org.rhizome.graph.markdown.SpanKind.TAG) {
          shown.add(note.substring(s.start() + 1, s.end()));
        }
      }
      StyleSpans<Collection<String>> styled =
          MarkdownHighlighter.style(org.rhizome.graph.markdown.MarkdownSpans.of(note), t -> false);
      List<String> styledTags = new ArrayList<>();
      int at = 0;
      for (StyleSpan<Collection<String>> span : styled) {
        if (span.getStyle().contains("md-tag")) {
          styledTags.add(note.substring(at + 1, at + span.getLength()));
        }
        at += span.getLength();
      }
      assertThat(styledTags)
          .as(note)
          .isEqualTo(shown)
          .isEqualTo(new org.rhizome.graph.markdown.MarkdownParser().parse(note).tags());
    }
    assertThat(runs("## Plan #project", false))
        .containsExactly("md-heading+md-h2:## Plan ", "md-heading+md-h2+md-tag:#project");
    assertThat(runs("a `#x` b", false)).containsExactly("md-code:`#x`");
  }

  @Test
  void theLinkAtTheCaretIsTheIndexedLink() {
    assertThat(WikiLinkAt.find("`[[code]]` and [[Real]]", 3)).isEmpty();
    assertThat(WikiLinkAt.find("`[[code]]` and [[Real]]", 18).map(WikiLinkAt::target))
        .contains("Real");
    assertThat(WikiLinkAt.find("[text](Folder/Note.md)", 9).map(WikiLinkAt::target))
        .contains("Folder/Note.md");
  }
}
