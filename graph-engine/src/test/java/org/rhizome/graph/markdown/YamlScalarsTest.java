package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A string written by {@link YamlScalars} reads back through the front matter index's own reader
 * ({@link MarkdownParser}) as the same string, plain where Obsidian writes it plain.
 */
class YamlScalarsTest {
  private static Object readBack(String written) {
    var fm = new MarkdownParser().parse("---\nk: " + written + "\n---\nbody").frontMatter();
    return fm.properties().get("k");
  }

  @Test
  void plainWhereObsidianWritesPlain() {
    for (String s :
        List.of("plain words", "in review", "café", "(draft)", "a,b", "v1.2-beta", "2024-01-05")) {
      assertThat(YamlScalars.write(s)).as(s).isEqualTo(s);
      assertThat(readBack(YamlScalars.write(s))).as(s).isEqualTo(s);
    }
  }

  @Test
  void quotedWhereAReaderWouldTypeOrCutIt() {
    for (String s :
        List.of(
            "",
            " lead",
            "trail ",
            "12",
            "1e5",
            "-3",
            ".5",
            "true",
            "False",
            "yes",
            "on",
            "null",
            "~",
            "<<",
            "0x1f",
            "0o17",
            "12:30",
            ".inf",
            "a: b",
            "ends:",
            "#tag",
            "a #b",
            "[[Note]]",
            "- item",
            "? q",
            "*alias",
            "&anchor",
            "!tag",
            "|",
            ">",
            "'q'",
            "\"q\"",
            "%x",
            "@x",
            "`x`",
            "{a}",
            "say \"hi\"\n",
            "tab\there",
            "nel\u0085x",
            "ls\u2028x",
            "bom\ufeffx",
            "del\u007fx",
            "lone\ud800x",
            "😀 emoji ok")) {
      String written = YamlScalars.write(s);
      assertThat(readBack(written)).as("%s written as %s", s, written).isEqualTo(s);
    }
    assertThat(YamlScalars.write("12")).isEqualTo("\"12\"");
    assertThat(YamlScalars.write("a: b")).isEqualTo("\"a: b\"");
    assertThat(YamlScalars.write("😀 emoji ok")).isEqualTo("😀 emoji ok");
  }

  @Property(tries = 1000, seed = "20261207")
  void everyStringReadsBackAsItself(@ForAll("texts") String s) {
    String written = YamlScalars.write(s);
    assertThat(readBack(written)).as("%s written as %s", s, written).isEqualTo(s);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Character> tricky =
        Arbitraries.of(
            ' ', '\t', '\n', '\r', ':', '#', '-', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|',
            '>', '\'', '"', '%', '@', '`', '\\', '.', '~', '<', '0', '1', '9', 'e', 'E', 'x', 'o',
            'n', 'y', 'a', 'é', '\u0085', '\u2028', '\ufeff', '\u007f', '\u0001', '\ud83d',
            '\ude00');
    return Arbitraries.oneOf(
        tricky.list().ofMaxSize(12).map(cs -> join(cs)),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of(
            "yes",
            "No",
            "ON",
            "null",
            "Null",
            "true",
            "1_000",
            "0b101",
            "1:20:30",
            "+.5",
            "-.inf",
            ".NaN",
            "3.",
            "0",
            "007",
            "2024-01-05T10:00:00Z"));
  }

  private static String join(List<Character> cs) {
    StringBuilder sb = new StringBuilder();
    cs.forEach(sb::append);
    return sb.toString();
  }
}
