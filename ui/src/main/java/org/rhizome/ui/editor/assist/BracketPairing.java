package org.rhizome.ui.editor.assist;

import java.util.List;
import java.util.Optional;

/**
 * Brackets and quotes as Obsidian pairs them. Typing {@code ( [ { " `} inserts the closer too
 * when the next character is a space, the end of the line or a closer (so {@code [[} becomes
 * {@code [[]]} with the caret inside); a quote or backtick only after a space, a bracket or the
 * start of a line, so {@code don"t}-style text is left alone. Typing a closer just before the
 * same closer steps over it (so typing {@code ]]} at the end of a completed link does not double
 * it). Backspace between an empty pair deletes both. With a selection, an opener, a quote, or one
 * of {@code * _ ~ =} wraps it and keeps it selected (twice {@code *} makes it bold).
 *
 * <p>Pure: answers from the character typed, its neighbours and the selection; offsets are the
 * document's.
 */
public final class BracketPairing {
  static final String OPENERS = "([{\"`";
  static final String CLOSERS = ")]}\"`";

  /** Characters that only wrap a selection (Markdown emphasis), never pair on their own. */
  static final String WRAPPERS = "*_~=";

  /** A character of no kind: the start or end of the text. */
  public static final int NONE = -1;

  private BracketPairing() {}

  /**
   * What typing {@code ch} does. {@code before} is the character before the selection (or caret),
   * {@code after} the one after it ({@link #NONE} at either end of the text); the selection is
   * {@code [start, end)}, empty when they are equal.
   */
  public static Optional<AssistEdit> typed(char ch, int before, int after, int start, int end) {
    if (start != end) {
      int opener = OPENERS.indexOf(ch);
      String close;
      if (opener >= 0) {
        close = String.valueOf(CLOSERS.charAt(opener));
      } else if (WRAPPERS.indexOf(ch) >= 0) {
        close = String.valueOf(ch);
      } else {
        return Optional.empty();
      }
      return Optional.of(
          new AssistEdit(
              List.of(
                  new AssistEdit.Replacement(start, start, String.valueOf(ch)),
                  new AssistEdit.Replacement(end, end, close)),
              start + 1,
              end + 1));
    }
    int closer = CLOSERS.indexOf(ch);
    if (closer >= 0 && after == ch) {
      // Step over the closer that is already there.
      return Optional.of(AssistEdit.moveTo(start + 1));
    }
    int opener = OPENERS.indexOf(ch);
    if (opener < 0 || !closesWell(after)) {
      return Optional.empty();
    }
    boolean quote = ch == '"' || ch == '`';
    if (quote
        && !(before == NONE || Character.isWhitespace(before) || "([{".indexOf(before) >= 0)) {
      return Optional.empty();
    }
    String pair = "" + ch + CLOSERS.charAt(opener);
    return Optional.of(AssistEdit.replace(start, start, pair, start + 1));
  }

  /**
   * What Backspace does with the caret at {@code caret} and no selection: empty for the editor's
   * own.
   */
  public static Optional<AssistEdit> backspace(int before, int after, int caret) {
    int opener = before == NONE ? -1 : OPENERS.indexOf(before);
    if (opener < 0 || after != CLOSERS.charAt(opener)) {
      return Optional.empty();
    }
    return Optional.of(AssistEdit.replace(caret - 1, caret + 1, "", caret - 1));
  }

  /** A pair is inserted only where the closer would not glue onto a word. */
  private static boolean closesWell(int after) {
    return after == NONE || Character.isWhitespace(after) || ")]}.,;:!?".indexOf(after) >= 0;
  }
}
