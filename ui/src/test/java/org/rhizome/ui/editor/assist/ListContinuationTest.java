package org.rhizome.ui.editor.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Enter in lists, checklists and quotes: one line before (caret {@code |}), the text after. */
class ListContinuationTest {

  static Stream<Arguments> continues() {
    return Stream.of(
        Arguments.of("- item|", "- item\n- |"),
        Arguments.of("* item|", "* item\n* |"),
        Arguments.of("+ item|", "+ item\n+ |"),
        Arguments.of("1. first|", "1. first\n2. |"),
        Arguments.of("9) ninth|", "9) ninth\n10) |"),
        Arguments.of("09. padded|", "09. padded\n10. |"),
        Arguments.of("- [ ] task|", "- [ ] task\n- [ ] |"),
        Arguments.of("- [x] done|", "- [x] done\n- [ ] |"),
        Arguments.of("3. [X] done|", "3. [X] done\n4. [ ] |"),
        Arguments.of("> quoted|", "> quoted\n> |"),
        Arguments.of("> > deep|", "> > deep\n> > |"),
        Arguments.of("> - in a quote|", "> - in a quote\n> - |"),
        Arguments.of("  - nested|", "  - nested\n  - |"),
        Arguments.of("\t- tabbed|", "\t- tabbed\n\t- |"),
        Arguments.of("-   wide gap|", "-   wide gap\n-   |"),
        Arguments.of("- split|here", "- split\n- |here"),
        Arguments.of("    indented text|", "    indented text\n    |"));
  }

  @ParameterizedTest
  @MethodSource
  void continues(String before, String after) {
    Caret c = Caret.parse(before);
    AssistEdit edit = ListContinuation.onEnter(c.text(), c.caret(), false).orElseThrow();
    assertThat(Caret.after(c.text(), edit)).isEqualTo(after);
  }

  static Stream<Arguments> endsTheList() {
    return Stream.of(
        Arguments.of("- |", "|"),
        Arguments.of("1. |", "|"),
        Arguments.of("- [ ] |", "|"),
        Arguments.of("- [ ]   |", "|"),
        Arguments.of("> |", "|"),
        Arguments.of("> - |", "> |"),
        Arguments.of("    - |", "- |"),
        Arguments.of("  - |", "- |"),
        Arguments.of("\t\t- |", "\t- |"));
  }

  @ParameterizedTest
  @MethodSource
  void endsTheList(String before, String after) {
    Caret c = Caret.parse(before);
    AssistEdit edit = ListContinuation.onEnter(c.text(), c.caret(), false).orElseThrow();
    assertThat(Caret.after(c.text(), edit)).isEqualTo(after);
  }

  static Stream<String> plainEnter() {
    return Stream.of(
        "plain text|",
        "|- item at the start",
        "-|item",
        "-not a list|",
        "1.5 million|",
        "**bold**|",
        "---|",
        "#tag|",
        "",
        "  |  indented, caret in the indent");
  }

  @ParameterizedTest
  @MethodSource
  void plainEnter(String before) {
    Caret c = before.isEmpty() ? new Caret("", 0, 0) : Caret.parse(before);
    assertThat(ListContinuation.onEnter(c.text(), c.caret(), false)).isEmpty();
  }

  @Test
  void insideAFenceOnlyTheIndentationIsKept() {
    assertThat(ListContinuation.onEnter("- code, not a list", 18, true)).isEmpty();
    AssistEdit edit = ListContinuation.onEnter("  - x", 5, true).orElseThrow();
    assertThat(Caret.after("  - x", edit)).isEqualTo("  - x\n  |");
  }

  @Test
  void aCaretOutsideTheLineIsIgnored() {
    assertThat(ListContinuation.onEnter("- a", 9, false)).isEmpty();
    assertThat(ListContinuation.onEnter("- a", -1, false)).isEmpty();
  }
}
