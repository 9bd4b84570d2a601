package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontMatterParsingTest {

  private final MarkdownParser parser = new MarkdownParser();

  @Test
  void noFrontMatterIsEmpty() {
    ParsedNote note = parser.parse("# Title\n");
    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.problems()).isEmpty();
  }

  @Test
  void aliasesTagsAndPropertiesAreSeparated() {
    String text = "---\naliases: [Alpha, Beta]\ntags: [one, two]\nstatus: draft\n---\nBody\n";
    FrontMatter fm = parser.parse(text).frontMatter();
    assertThat(fm.aliases()).containsExactly("Alpha", "Beta");
    assertThat(fm.tags()).containsExactly("one", "two");
    assertThat(fm.properties()).containsExactly(Map.entry("status", "draft"));
    assertThat(fm.endOffset()).isEqualTo(text.indexOf("Body"));
  }

  @Test
  void flowListIsParsedAsYamlNotOneString() {
    FrontMatter fm = parser.parse("---\naliases: [x, y]\n---\n").frontMatter();
    assertThat(fm.aliases()).containsExactly("x", "y");
  }

  @Test
  void blockListAliases() {
    FrontMatter fm = parser.parse("---\naliases:\n  - First Name\n  - Second\n---\n").frontMatter();
    assertThat(fm.aliases()).containsExactly("First Name", "Second");
  }

  @Test
  void singleStringAlias() {
    assertThat(parser.parse("---\naliases: Only One\n---\n").frontMatter().aliases())
        .containsExactly("Only One");
  }

  @Test
  void commaSeparatedStringAliases() {
    assertThat(parser.parse("---\naliases: a, b ,c\n---\n").frontMatter().aliases())
        .containsExactly("a", "b", "c");
  }

  @Test
  void legacySingularKeysAreAccepted() {
    FrontMatter fm = parser.parse("---\nalias: Old\ntag: legacy\n---\n").frontMatter();
    assertThat(fm.aliases()).containsExactly("Old");
    assertThat(fm.tags()).containsExactly("legacy");
    assertThat(fm.properties()).isEmpty();
  }

  @Test
  void keyNamesIgnoreCase() {
    FrontMatter fm = parser.parse("---\nTags: [a]\nAliases: [b]\n---\n").frontMatter();
    assertThat(fm.tags()).containsExactly("a");
    assertThat(fm.aliases()).containsExactly("b");
  }

  @Test
  void duplicateAliasesIgnoringCaseAreDropped() {
    assertThat(parser.parse("---\naliases: [Foo, foo, Bar]\n---\n").frontMatter().aliases())
        .containsExactly("Foo", "Bar");
  }

  @Test
  void tagsAcceptHashSpacesAndCommas() {
    FrontMatter fm = parser.parse("---\ntags: \"#one, two #three four\"\n---\n").frontMatter();
    assertThat(fm.tags()).containsExactly("one", "two", "three", "four");
  }

  @Test
  void tagListWithHashes() {
    assertThat(parser.parse("---\ntags:\n  - \"#a\"\n  - b/c\n---\n").frontMatter().tags())
        .containsExactly("a", "b/c");
  }

  @Test
  void invalidFrontMatterTagsAreDroppedWithAProblem() {
    ParsedNote note = parser.parse("---\ntags: [ok, 2024, \"has space\"]\n---\n");
    assertThat(note.frontMatter().tags()).containsExactly("ok");
    assertThat(note.problems()).hasSize(2).allMatch(p -> p.contains("not a valid tag"));
  }

  @Test
  void propertyValuesArePlainJava() {
    String text =
        String.join(
            "\n",
            "---",
            "title: Hello",
            "count: 42",
            "big: 123456789012345678901234567890",
            "ratio: 0.5",
            "done: true",
            "list: [1, two]",
            "nested:",
            "  key: value",
            "empty:",
            "---",
            "");
    Map<String, Object> props = parser.parse(text).frontMatter().properties();
    assertThat(props.get("title")).isEqualTo("Hello");
    assertThat(props.get("count")).isEqualTo(42L);
    assertThat(props.get("big"))
        .isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
    assertThat(props.get("ratio")).isEqualTo(0.5);
    assertThat(props.get("done")).isEqualTo(true);
    assertThat(props.get("list")).isEqualTo(List.of(1L, "two"));
    assertThat(props.get("nested")).isEqualTo(Map.of("key", "value"));
    assertThat(props).doesNotContainKey("empty");
    assertThat(props.keySet())
        .containsExactly("title", "count", "big", "ratio", "done", "list", "nested");
  }

  @Test
  void yaml11SurprisesStayStrings() {
    String text =
        "---\ncreated: 2024-01-05\nanswer: yes\nswitch: on\ntime: 12:30\nzip: 01234\n---\n";
    Map<String, Object> props = parser.parse(text).frontMatter().properties();
    assertThat(props)
        .containsEntry("created", "2024-01-05")
        .containsEntry("answer", "yes")
        .containsEntry("switch", "on")
        .containsEntry("time", "12:30")
        .containsEntry("zip", "01234");
  }

  @Test
  void explicitTimestampBecomesIsoString() {
    Map<String, Object> props =
        parser.parse("---\nat: !!timestamp 2024-01-05\n---\n").frontMatter().properties();
    assertThat(props.get("at")).isEqualTo("2024-01-05T00:00:00Z");
  }

  @Test
  void propertiesAreUnmodifiable() {
    Map<String, Object> props = parser.parse("---\nlist: [a]\n---\n").frontMatter().properties();
    assertThatThrownBy(() -> props.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    List<?> list = (List<?>) props.get("list");
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void malformedYamlGivesEmptyValuesAndAProblemButStillEndsTheBlock() {
    String text = "---\naliases: [unclosed\n---\n#tag in body\n";
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.frontMatter().endOffset()).isEqualTo(text.indexOf("#tag"));
    assertThat(note.problems())
        .singleElement()
        .asString()
        .startsWith("Front matter is not valid YAML");
    assertThat(note.tags()).containsExactly("tag");
  }

  @Test
  void tabIndentedYamlIsAProblemNotAnException() {
    ParsedNote note = parser.parse("---\nkey:\n\t- a\n---\n");
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).hasSize(1);
  }

  @Test
  void scalarFrontMatterIsAProblem() {
    ParsedNote note = parser.parse("---\njust a string\n---\n");
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).singleElement().asString().contains("not a YAML mapping");
  }

  @Test
  void emptyFrontMatterBlockHasEndOffsetAndNoProblem() {
    String text = "---\n---\nBody";
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.frontMatter().endOffset()).isEqualTo(8);
    assertThat(note.problems()).isEmpty();
  }

  @Test
  void onlyFrontMatterWithoutTrailingNewline() {
    ParsedNote note = parser.parse("---\ntags: [x]\n---");
    assertThat(note.tags()).containsExactly("x");
    assertThat(note.frontMatter().endOffset()).isEqualTo(17);
    assertThat(note.links()).isEmpty();
  }

  @Test
  void unterminatedFrontMatterIsBodyWithAProblem() {
    ParsedNote note = parser.parse("---\ntags: [x]\n#body");
    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.tags()).containsExactly("body");
    assertThat(note.problems()).singleElement().asString().contains("never closed");
  }

  @Test
  void frontMatterMustStartOnFirstLine() {
    ParsedNote note = parser.parse("\n---\ntags: [x]\n---\n");
    assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(note.tags()).isEmpty();
  }

  @Test
  void byteOrderMarkBeforeFrontMatterIsAllowed() {
    assertThat(parser.parse("\uFEFF---\ntags: [x]\n---\n").tags()).containsExactly("x");
  }

  @Test
  void crlfFrontMatter() {
    String text = "---\r\naliases: [A]\r\n---\r\n[[Link]]\r\n";
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().aliases()).containsExactly("A");
    assertThat(note.frontMatter().endOffset()).isEqualTo(text.indexOf("[[Link"));
    assertThat(note.links()).singleElement().extracting(WikiLink::line).isEqualTo(3);
  }

  @Test
  void billionLaughsIsRefused() {
    String text =
        String.join(
            "\n",
            "---",
            "a: &a [x, x, x, x, x, x, x, x, x, x]",
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
            "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
            "---",
            "");
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).hasSize(1);
  }

  @Test
  void aliasExpansionWithinTheAliasLimitIsStillBounded() {
    String text =
        String.join(
            "\n",
            "---",
            "a: &a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]",
            "b: &b [*a, *a, *a, *a, *a]",
            "c: &c [*b, *b, *b, *b, *b]",
            "d: &d [*c, *c, *c, *c, *c]",
            "e: [*d, *d, *d, *d]",
            "---",
            "");
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).singleElement().asString().contains("more than");
  }

  @Test
  void smallAnchorsAndMergeKeysWork() {
    String text = "---\nbase: &base {x: 1}\nderived:\n  <<: *base\n  y: 2\n---\n";
    Map<String, Object> props = parser.parse(text).frontMatter().properties();
    assertThat(props.get("derived")).isEqualTo(Map.of("x", 1L, "y", 2L));
  }

  @Test
  void recursiveAnchorIsRefused() {
    ParsedNote note = parser.parse("---\na: &a [*a]\n---\n");
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).hasSize(1);
  }

  @Test
  void deeplyNestedYamlIsRefused() {
    String text = "---\na: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n";
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).hasSize(1);
  }

  @Test
  void javaTypeTagsAreNeverConstructed() {
    ParsedNote note =
        parser.parse(
            "---\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n---\n");
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems())
        .singleElement()
        .asString()
        .startsWith("Front matter is not valid YAML");
  }

  @Test
  void hugeFrontMatterIsIgnoredWithAProblem() {
    String text = "---\nk: \"" + "x".repeat(300_000) + "\"\n---\nbody #tag\n";
    ParsedNote note = parser.parse(text);
    assertThat(note.frontMatter().isEmpty()).isTrue();
    assertThat(note.problems()).singleElement().asString().contains("limit");
    assertThat(note.tags()).containsExactly("tag");
  }

  @Test
  void nonStringKeysBecomeStrings() {
    Map<String, Object> props =
        parser.parse("---\n1: one\ntrue: yes\n---\n").frontMatter().properties();
    assertThat(props).containsEntry("1", "one").containsEntry("true", "yes");
  }
}
