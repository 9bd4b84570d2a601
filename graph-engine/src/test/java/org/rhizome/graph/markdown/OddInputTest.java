package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OddInputTest {

  private static final String SYNTAX = "[]#!|\\`\n\r-:<>*_ ()\"";

  private final MarkdownParser parser = new MarkdownParser();

  @Test
  void emptyInputGivesEmptyNote() {
    ParsedNote note = parser.parse("");
    assertThat(note.links()).isEmpty();
    assertThat(note.tags()).isEmpty();
    assertThat(note.headings()).isEmpty();
    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.problems()).isEmpty();
  }

  @Test
  void onlyDashesIsAnUnclosedFrontMatterProblem() {
    ParsedNote note = parser.parse("---");
    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.problems()).hasSize(1);
  }

  @Test
  void surrogatePairsBeforeALinkKeepOffsetsRight() {
    String text = "😀👍🏽 café 𝄞 [[Target|😀]] #tag😀";
    WikiLink link = parser.parse(text).links().get(0);
    assertThat(text.substring(link.start(), link.end())).isEqualTo("[[Target|😀]]");
    assertThat(text.substring(link.targetStart(), link.targetEnd())).isEqualTo("Target");
    assertThat(link.alias()).isEqualTo("😀");
    assertThat(parser.parse(text).tags()).containsExactly("tag");
  }

  @Test
  void surrogatePairTargetIsKeptWhole() {
    assertThat(parser.parse("[[📓 Journal]]").links())
        .extracting(WikiLink::target)
        .containsExactly("📓 Journal");
  }

  @Test
  void tabsAroundLinksAndTags() {
    String text = "x\t[[\tTarget\t]]\t#tag\t";
    ParsedNote note = parser.parse(text);
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("Target");
    assertThat(note.tags()).containsExactly("tag");
  }

  @Test
  void crlfAndLoneCrCountAsLineBreaks() {
    String text = "a\r\nb\rc\n[[X]]";
    WikiLink link = parser.parse(text).links().get(0);
    assertThat(link.line()).isEqualTo(3);
    assertThat(link.lineText()).isEqualTo("[[X]]");
  }

  @Test
  void crlfLineTextHasNoCarriageReturn() {
    WikiLink link = parser.parse("first [[X]] line\r\nsecond").links().get(0);
    assertThat(link.lineText()).isEqualTo("first [[X]] line");
  }

  @Test
  void longLineTextIsCappedAndShowsTheLink() {
    String text = "a".repeat(5_000) + " [[Deep]] " + "b".repeat(5_000);
    WikiLink link = parser.parse(text).links().get(0);
    assertThat(link.lineText())
        .hasSizeLessThanOrEqualTo(MarkdownParser.MAX_LINE_TEXT)
        .contains("[[Deep]]");
  }

  @Test
  void cappedLineTextNeverSplitsASurrogatePair() {
    String text = "😀".repeat(3_000) + "[[X]]" + "😀".repeat(3_000);
    String lineText = parser.parse(text).links().get(0).lineText();
    assertThat(lineText).contains("[[X]]");
    assertThat(Character.isLowSurrogate(lineText.charAt(0))).isFalse();
    assertThat(Character.isHighSurrogate(lineText.charAt(lineText.length() - 1))).isFalse();
  }

  @Test
  void oneMegabyteBodyParsesAllLinks() {
    StringBuilder text = new StringBuilder();
    int count = 0;
    while (text.length() < 1_000_000) {
      text.append("Paragraph ")
          .append(count)
          .append(" links to [[Note ")
          .append(count)
          .append("]] and has #tag")
          .append(count % 10)
          .append(" in it.\n\n");
      count++;
    }
    ParsedNote note = parser.parse(text.toString());
    assertThat(note.links()).hasSize(count);
    assertThat(note.tags()).hasSize(10);
    assertThat(note.links().get(count - 1).target()).isEqualTo("Note " + (count - 1));
  }

  @Test
  void oneMegabyteSingleLineWithUnclosedBrackets() {
    String text = "[[".repeat(250_000) + "x".repeat(500_000);
    assertThat(parser.parse(text).links()).isEmpty();
  }

  @Test
  void manyOpeningBracketsThenOneLink() {
    String text = "[".repeat(100_000) + "Target]]";
    assertThat(parser.parse(text).links()).extracting(WikiLink::target).containsExactly("Target");
  }

  @Test
  void deeplyNestedQuotesAndListsDoNotOverflow() {
    ParsedNote quotes = parser.parse(">".repeat(20_000) + " [[Deep]] #deep");
    assertThat(quotes.links()).extracting(WikiLink::target).containsExactly("Deep");
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      list.append("  ".repeat(i)).append("- item\n");
    }
    list.append("[[After]]\n");
    assertThat(parser.parse(list.toString()).problems()).isEmpty();
  }

  @Test
  void longDelimiterRunsAndBracketsAreParsed() {
    String text =
        "*".repeat(50_000) + "x" + "*".repeat(50_000) + " " + "[(".repeat(20_000) + " [[Ok]]";
    ParsedNote note = parser.parse(text);
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("Ok");
    assertThat(note.problems()).isEmpty();
  }

  @Test
  void constructsThatOverflowFlexmarksRegexesAreStillParsed() {
    String text =
        "# Title\n\n`[[InCode]]` [[Ok]]\n\n<a "
            + "b=\"c\" ".repeat(20_000)
            + ">\n\n[a](b \""
            + "x".repeat(100_000)
            + "\")\n";
    ParsedNote note = parser.parse(text);
    // [a](b "...") is a Markdown link to the vault file "b", which counts as a link (issue 7).
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("Ok", "b");
    assertThat(note.headings()).extracting(Heading::text).containsExactly("Title");
    assertThat(note.problems()).isEmpty();
  }

  @Test
  void bodyTooPathologicalForFlexmarkIsScannedAsPlainText() {
    String text = "# Title\n\n[[Ok]] #tag\n\n[a](<" + "x".repeat(3_000_000) + "\n";
    ParsedNote note = parser.parse(text);
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("Ok");
    assertThat(note.tags()).containsExactly("tag");
    assertThat(note.problems()).singleElement().asString().contains("could not be parsed");
  }

  @Test
  void nulAndControlCharactersAreReportedNotThrown() {
    ParsedNote note = parser.parse("ab\0cd [[X]] \u0001\u0002 #t");
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("X");
    assertThat(note.tags()).containsExactly("t");
    assertThat(note.problems()).singleElement().asString().contains("NUL");
  }

  @Test
  void loneSurrogatesDoNotBreakParsing() {
    ParsedNote note = parser.parse("\uD800 #a\uDC00b [[\uDFFF]]");
    assertThat(note.links()).extracting(WikiLink::target).containsExactly("\uDFFF");
  }

  @Test
  void randomBinaryJunkNeverThrowsAndOffsetsStayInBounds() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      char[] chars = new char[random.nextInt(2_000)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] =
            random.nextInt(4) == 0
                ? SYNTAX.charAt(random.nextInt(SYNTAX.length()))
                : (char) random.nextInt(0x10000);
      }
      String text = new String(chars);
      ParsedNote note = parser.parse(text);
      for (WikiLink link : note.links()) {
        assertThat(link.end()).isLessThanOrEqualTo(text.length());
        assertThat(text.substring(link.targetStart(), link.targetEnd())).isEqualTo(link.target());
      }
      List<Mention> ignored = LinkRewriter.findMentions(text, "a");
      assertThat(ignored).allMatch(m -> m.end() <= text.length());
    }
  }

  @Test
  void parserIsSafeToShareAcrossThreads() throws Exception {
    String text = "---\ntags: [x]\n---\n# H\n[[A]] [[B|b]] #y\n```\n[[C]]\n```\n";
    ParsedNote expected = parser.parse(text);
    List<Thread> threads = new java.util.ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  if (!parser.parse(text).equals(expected)) {
                    failures.add(new AssertionError("different result on iteration " + i));
                    return;
                  }
                }
              },
              "markdown-parse-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    assertThat(failures).isEmpty();
  }
}
