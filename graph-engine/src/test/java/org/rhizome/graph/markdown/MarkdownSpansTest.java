package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The editor's spans come from the index's scanners: what shows as a tag or link is what is
 * indexed.
 */
class MarkdownSpansTest {

  static List<String> of(String text, SpanKind kind) {
    List<String> out = new ArrayList<>();
    for (MarkdownSpan s : MarkdownSpans.of(text).spans()) {
      if (s.kind() == kind) {
        out.add(text.substring(s.start(), s.end()));
      }
    }
    return out;
  }

  @Test
  void aTagShowsExactlyWhereTheIndexFindsOne() {
    String text =
        "`#code` and #real, #123, issue#12, C# and [see #linked](https://x.org/#frag)\n"
            + "# Heading #inhead\n\n```\n#fenced\n```\n$#math$ <span title=\"#attr\">x</span> [[Note#Part]]";
    assertThat(of(text, SpanKind.TAG)).containsExactly("#real", "#linked", "#inhead");
    assertThat(new MarkdownParser().parse(text).tags()).containsExactly("real", "linked", "inhead");
  }

  @Test
  void everyKindIsFound() {
    String text =
        "---\ntags: [a]\n---\n## Two\n\n**b** *c* `d` ==e== %%f%% [g](h.md) https://i.org\n"
            + "- [ ] task ^block-1\n> [!note] Callout\n\n---\n\n$$\nx\n$$\n\n![[Img.png]] [[T#H|A]] <!-- c -->\n";
    assertThat(of(text, SpanKind.FRONT_MATTER)).containsExactly("---\ntags: [a]\n---");
    assertThat(of(text, SpanKind.HEADING)).containsExactly("## Two");
    assertThat(of(text, SpanKind.STRONG)).containsExactly("**b**");
    assertThat(of(text, SpanKind.EMPHASIS)).containsExactly("*c*");
    assertThat(of(text, SpanKind.CODE_SPAN)).containsExactly("`d`");
    assertThat(of(text, SpanKind.HIGHLIGHT)).containsExactly("==e==");
    assertThat(of(text, SpanKind.COMMENT)).containsExactly("%%f%%", "<!-- c -->");
    assertThat(of(text, SpanKind.MARKDOWN_LINK)).containsExactly("[g](h.md)");
    assertThat(of(text, SpanKind.URL)).containsExactly("https://i.org");
    assertThat(of(text, SpanKind.LIST_MARKER)).containsExactly("- ");
    assertThat(of(text, SpanKind.TASK)).containsExactly("[ ] ");
    assertThat(of(text, SpanKind.BLOCK_ID)).containsExactly("^block-1");
    assertThat(of(text, SpanKind.CALLOUT)).containsExactly("[!note]");
    assertThat(of(text, SpanKind.RULE)).containsExactly("---");
    assertThat(of(text, SpanKind.MATH)).containsExactly("$$\nx\n$$");
    assertThat(of(text, SpanKind.EMBED)).containsExactly("![[Img.png]]");
    assertThat(of(text, SpanKind.WIKILINK)).containsExactly("[[T#H|A]]");
    assertThat(of(text, SpanKind.LINK_TARGET)).containsExactly("Img.png", "T");
    assertThat(of(text, SpanKind.LINK_HEADING)).containsExactly("H");
    assertThat(of(text, SpanKind.LINK_ALIAS)).containsExactly("A");
    assertThat(MarkdownSpans.of(text).links())
        .extracting(WikiLink::target)
        .containsExactly("h.md", "Img.png", "T");
    assertThat(MarkdownSpans.of(text).links()).isEqualTo(new MarkdownParser().parse(text).links());
  }

  @Test
  void theLinkAtAnOffsetIsTheIndexedLink() {
    String text = "see [[First]] and `[[code]]` and [[Second#Part|label]]";
    NoteSpans spans = MarkdownSpans.of(text);
    assertThat(spans.linkAt(6).map(WikiLink::target)).contains("First");
    assertThat(spans.linkAt(21)).isEmpty();
    assertThat(spans.linkAt(text.length() - 3).map(WikiLink::target)).contains("Second");
  }

  @Test
  void fenceLines() {
    assertThat(MarkdownSpans.togglesFence("   ```java")).isTrue();
    assertThat(MarkdownSpans.togglesFence("~~~")).isTrue();
    assertThat(MarkdownSpans.togglesFence("    ```")).isFalse();
    assertThat(MarkdownSpans.togglesFence("``")).isFalse();
  }

  private static final String[] PIECES = {
    "text #tag ", "[[Link]] ", "`code #x` ", "*em* ", "**strong** ", "\n", "\n\n", "# Head #h\n",
        "```\n",
    "~~~\n", "$$\n", "$a$ ", "- item\n", "  indented\n", "> quote\n", "<!-- c\n", "-->\n",
        "[a](b.md) ",
    "==hi== ", "%%c%% ", "    code\n", "[ref]: u\n", "---\n", "a_b_", "#123 ", "x#y ", "\\[[no]] "
  };

  @Test
  void spansAfterAnEditAreTheWholeNotesSpansThere() {
    Random random = new Random(15);
    for (int round = 0; round < 400; round++) {
      StringBuilder b = new StringBuilder();
      int pieces = 5 + random.nextInt(60);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String before = b.toString();
      int position = random.nextInt(before.length() + 1);
      int removed = Math.min(before.length() - position, random.nextInt(4));
      String inserted = random.nextInt(3) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];
      String after =
          before.substring(0, position) + inserted + before.substring(position + removed);

      MarkdownBlocks old = MarkdownBlocks.of(before);
      MarkdownBlocks now = MarkdownBlocks.of(after, old, position, removed, inserted.length());
      assertThat(now.cutsAndLines())
          .as("cuts read again only around the edit")
          .isEqualTo(MarkdownBlocks.of(after).cutsAndLines());
      NoteSpans part = now.spansAfterEdit(old, position, removed, inserted.length());
      int delta = inserted.length() - removed;
      // What the editor shows: the old spans outside the part (moved by the edit), the part's own
      // inside.
      Set<MarkdownSpan> shown = new LinkedHashSet<>();
      for (MarkdownSpan s : MarkdownSpans.of(before).spans()) {
        int start = s.start() >= position + removed ? s.start() + delta : s.start();
        int end = s.end() >= position + removed ? s.end() + delta : s.end();
        if (end <= part.from() || start >= part.to()) {
          shown.add(new MarkdownSpan(s.kind(), start, end, s.level()));
        }
      }
      shown.addAll(part.spans());
      Set<MarkdownSpan> expected = new LinkedHashSet<>();
      for (MarkdownSpan s : MarkdownSpans.of(after).spans()) {
        if (!(s.kind() == SpanKind.MARKDOWN_LINK && after.indexOf("[ref]:") >= 0)) {
          expected.add(s);
        }
      }
      shown.removeIf(s -> s.kind() == SpanKind.MARKDOWN_LINK && after.indexOf("[ref]:") >= 0);
      assertThat(shown)
          .as("round %d: %s -> %s", round, before, after)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
