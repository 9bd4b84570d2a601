package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index's scan ({@link PlainBodyScan}) against Flexmark: for every body, what {@link
 * MarkdownParser#parse} finds (links, tags, headings, front matter, problems) is the same whether
 * the body was scanned or parsed; and the scan is taken for the plain bodies most notes are, so the
 * comparison is not empty.
 */
class PlainBodyScanTest {

  private final MarkdownParser parser = new MarkdownParser();

  /** Bodies written to sit on the edge between what the scan follows and what it leaves. */
  private static final List<String> CORPUS =
      List.of(
          "",
          "\n",
          "plain text",
          "# Title\n\nSome [[Link]] and #tag.\n",
          "# Title #\n",
          "## Title ## \n",
          "# Title#\n",
          "### ###\n",
          "#\n",
          "# \n",
          "#\tTabbed\n",
          "####### seven\n",
          "#tag at start\n",
          "# #tag heading\n",
          "# heading with [[Link]] and [[a|b]]\n",
          "# heading ![[embed]]\n",
          "  ## indented heading\n",
          "   ### three spaces\n",
          "    # four spaces is code\n",
          "- # heading in item\n",
          "- item #tag\n- [[Link]]\n",
          "* item\n+ item\n1. one\n2) two\n",
          "- - nested\n",
          "-\n  # after empty item\n",
          "-     code in item\n",
          "text\n- item\n  continued #tag\n",
          "```\n[[not a link]] #notatag\n```\nafter [[Link]]\n",
          "```js\ncode\n```",
          "```\nunclosed [[x]]\n",
          "~~~\n# not a heading\n~~~\n# heading\n",
          "````\n```\n[[inner]]\n````\n[[outer]]\n",
          " ```\nindented fence\n```\n",
          "- ```\ncode in item\n```\n",
          "``` a`b\ntext\n```\n",
          "text `code [[x]]` text\n",
          "`<div>` and [[x]] `](y)` #t\n",
          "``a`b`` #t ```c``` `d`\n",
          "`a\\` [[x]] `b`\n",
          "\\`not code` [[x]]\n",
          "`open only [[x]]\nclosed` here\n",
          "- item `code` #tag\n",
          "# heading `code`\n",
          "#ta`g`_x and `#t_u`\n",
          "Title\n===\n",
          "Title\n---\n",
          "text\n\n---\n\nmore\n",
          "***\n",
          "[[a]]: not a definition\n",
          "[a]: /url\n[a]\n",
          "[a\\]]: /url\n",
          "[text](Note.md) and [[x]]\n",
          "[[x]](url)\n",
          "![img](a.png)\n",
          "[a] (b)\n",
          "<div>[[x]]</div>\n",
          "a < b and [[x]]\n",
          "> quote [[x]] #tag\n",
          "- > quote in item\n",
          "\tindented by tab\n",
          "text\n    continuation #tag\n",
          "#a_b and #c\n",
          "_#tag_ and #x_\n",
          "**#bold** *#em* #plain\n",
          "snake_case words and #tag\n",
          "a#b \\#c &#35;d #e\n",
          "$x #notag$ and $$\n[[in math]]\n$$ #tag\n",
          "line\r\nwindows\r\n",
          "nul\0char #tag\n",
          "---\ntags: [a, b]\naliases: [X]\n---\n# Body [[y]] #c\n",
          "---\nnot closed\n# heading\n",
          "# Heading with & amp\n",
          "# Heading *em*\n",
          "# Heading \\# escaped\n",
          "日本語 #タグ [[ノート]]\n# 見出し\n",
          "non\u00a0breaking #t\u00a0x\n",
          "# A\u3000B\n",
          "1. # numbered heading\n",
          "2024. was a year #y2024\n",
          "[[a [[b]] c]] [[[d]]] \\[[e]] \\![[f]]\n",
          "[[x|y]] [[#h]] [[x#h|a]] [[ ]] [[]]\n",
          "paragraph\n# heading\nparagraph\n",
          "- a\n\n  b [[x]]\n\n- c\n");

  @Test
  void corpusGivesWhatFlexmarkGives() {
    for (String body : CORPUS) {
      assertSame(body);
    }
  }

  @Test
  void plainNotesAreScanned() {
    String note =
        "# Title of a note\n\nSome words with [[Other note]] and [[Third|alias]].\n\n"
            + "## Part two\n\n- see [[Fourth]]\n- and #tag/sub\n\n```\ncode [[no]]\n```\n\n"
            + "#one #two\n";
    assertThat(PlainBodyScan.scan(note, 0, new SourceLines(note))).isNotNull();
    assertSame(note);
  }

  @Test
  void randomBodiesGiveWhatFlexmarkGives() {
    Random random = new Random(20261208);
    int scanned = 0;
    int n = Integer.getInteger("rhizome.scan.bodies", 5_000);
    for (int i = 0; i < n; i++) {
      String body = randomBody(random);
      if (PlainBodyScan.scan(body, 0, new SourceLines(body)) != null) {
        scanned++;
      }
      assertSame(body);
    }
    // Not vacuous: a good share of the bodies take the scan, and a good share do not.
    assertThat(scanned).isBetween(n / 10, n - n / 10);
  }

  /**
   * Bodies from a folder given by {@code -Drhizome.scan.corpus=DIR} (e.g. a fuzzing corpus or a
   * vault), each file one body; nothing when not given.
   */
  @Test
  void outsideCorpusGivesWhatFlexmarkGives() throws IOException {
    String dir = System.getProperty("rhizome.scan.corpus", "");
    if (dir.isEmpty()) {
      return;
    }
    try (Stream<Path> files = Files.walk(Path.of(dir))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertSame(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
  }

  private void assertSame(String body) {
    ParsedNote flexmark = parser.parse(body, false);
    ParsedNote scanned = parser.parse(body, true);
    assertThat(scanned).as("body %s", quoted(body)).isEqualTo(flexmark);
  }

  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + '"';
  }

  private static final String[] LINE_STARTS = {
    "",
    "",
    "",
    "",
    "",
    "# ",
    "## ",
    "###### ",
    "####### ",
    "#",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "- - ",
    "  ",
    "   ",
    "    ",
    "\t",
    "> ",
    "- # ",
    "  - ",
    "```",
    "~~~",
    "````",
    " ```",
    "-",
    "---",
    "===",
    "***",
    "___",
    "- [ ] ",
    "[a]: /u ",
    "[[x]]: ",
    "| a | b |",
    "<div>",
    "$$"
  };

  private static final String[] WORDS = {
    "word",
    "text",
    "Note",
    "[[Link]]",
    "[[Target|alias]]",
    "[[T#Head]]",
    "![[img.png]]",
    "[[#h]]",
    "#tag",
    "#tag/sub",
    "#a_b",
    "#123",
    "#x-y",
    "**bold**",
    "*em*",
    "_em_",
    "__s__",
    "`code`",
    "``",
    "<b>",
    "a<b",
    "[t](u)",
    "[t](Note.md)",
    "](",
    "]:",
    "[x]",
    "[x][y]",
    "\\[[x]]",
    "\\#t",
    "\\",
    "&amp;",
    "&#35;t",
    "$x$",
    "$$",
    "$5",
    "(",
    ")",
    "[",
    "]",
    "!",
    "#",
    "##",
    "~~s~~",
    "é",
    "日本",
    "\u00a0",
    "_",
    "*",
    ">",
    "<",
    "=",
    "-",
    "\t",
    "  ",
    "x_#t",
    "(#t)",
    "[#t]",
    "https://x.y/#frag",
    "a#b",
    "[[a]]:",
    "[[a]](b)",
    "]]:",
    "\\]:",
    "***",
    "---"
  };

  private static String randomBody(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(10) == 0) {
      b.append("---\ntags: [a, ").append(r.nextBoolean() ? "b" : "[[c]]").append("]\n---\n");
    }
    int lines = 1 + r.nextInt(12);
    // Most bodies draw from the plain part of the vocabulary only, so the scan is taken often.
    boolean plain = r.nextInt(3) > 0;
    for (int l = 0; l < lines; l++) {
      if (r.nextInt(4) == 0) {
        b.append('\n');
        continue;
      }
      b.append(plain ? LINE_STARTS[r.nextInt(15)] : LINE_STARTS[r.nextInt(LINE_STARTS.length)]);
      int words = r.nextInt(8);
      for (int w = 0; w < words; w++) {
        if (w > 0 || r.nextBoolean()) {
          b.append(r.nextInt(6) == 0 ? "" : " ");
        }
        b.append(plain ? WORDS[r.nextInt(13)] : WORDS[r.nextInt(WORDS.length)]);
      }
      if (r.nextInt(20) > 0) {
        b.append('\n');
      }
    }
    return b.toString();
  }
}
