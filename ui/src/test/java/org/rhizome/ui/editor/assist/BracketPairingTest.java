package org.rhizome.ui.editor.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pairing, stepping over and deleting pairs: text before (caret {@code |}, selection {@code «»}),
 * key, text after.
 */
class BracketPairingTest {

  /** What typing {@code ch} leaves; with no rule, the character as the editor would insert it. */
  static String type(String before, char ch) {
    Caret c = Caret.parse(before);
    Optional<AssistEdit> edit =
        BracketPairing.typed(ch, c.charBefore(), c.charAfter(), c.start(), c.end());
    return Caret.after(
        c.text(),
        edit.orElse(AssistEdit.replace(c.start(), c.end(), String.valueOf(ch), c.start() + 1)));
  }

  static Stream<Arguments> typing() {
    return Stream.of(
        Arguments.of("|", '(', "(|)"),
        Arguments.of("a |", '[', "a [|]"),
        Arguments.of("[|]", '[', "[[|]]"),
        Arguments.of("see |.", '{', "see {|}."),
        Arguments.of("|", '"', "\"|\""),
        Arguments.of("say |", '`', "say `|`"),
        // Closers step over the one that is there.
        Arguments.of("(a|)", ')', "(a)|"),
        Arguments.of("[[Note|]]", ']', "[[Note]|]"),
        Arguments.of("[[Note]|]", ']', "[[Note]]|"),
        Arguments.of("\"a|\"", '"', "\"a\"|"),
        // Three backticks make a fence, not three pairs.
        Arguments.of("`|`", '`', "``|"),
        Arguments.of("``|", '`', "```|"),
        // No pair before a word, no quote pair after one.
        Arguments.of("|word", '(', "(|word"),
        Arguments.of("don|", '"', "don\"|"),
        Arguments.of("a)|", ')', "a))|"),
        Arguments.of("x|", 'y', "xy|"),
        // A selection is wrapped and stays selected.
        Arguments.of("a «word» b", '(', "a («word») b"),
        Arguments.of("a «word» b", '*', "a *«word»* b"),
        Arguments.of("a *«word»* b", '*', "a **«word»** b"),
        Arguments.of("«code»", '`', "`«code»`"),
        Arguments.of("«x»", '_', "_«x»_"),
        Arguments.of("«x»", 'q', "q|"));
  }

  @ParameterizedTest
  @MethodSource
  void typing(String before, char ch, String after) {
    assertThat(type(before, ch)).isEqualTo(after);
  }

  static Stream<Arguments> backspace() {
    return Stream.of(
        Arguments.of("(|)", "|"),
        Arguments.of("a [[|]] b", "a [|] b"),
        Arguments.of("\"|\"", "|"),
        Arguments.of("`|`", "|"));
  }

  @ParameterizedTest
  @MethodSource
  void backspace(String before, String after) {
    Caret c = Caret.parse(before);
    AssistEdit edit =
        BracketPairing.backspace(c.charBefore(), c.charAfter(), c.caret()).orElseThrow();
    assertThat(Caret.after(c.text(), edit)).isEqualTo(after);
  }

  static Stream<String> plainBackspace() {
    return Stream.of("(a|)", "|()", "()|", "(|]", "|", "a|");
  }

  @ParameterizedTest
  @MethodSource
  void plainBackspace(String before) {
    Caret c = Caret.parse(before);
    assertThat(BracketPairing.backspace(c.charBefore(), c.charAfter(), c.caret())).isEmpty();
  }
}
