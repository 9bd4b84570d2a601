package org.rhizome.ui.editor.assist;

/**
 * Test notation for text with a caret or a selection: {@code |} is the caret, {@code «…»} a
 * selection (anchor at «, caret at »).
 */
record Caret(String text, int anchor, int caret) {
  static Caret parse(String marked) {
    int open = marked.indexOf('«');
    if (open >= 0) {
      int close = marked.indexOf('»');
      String text =
          marked.substring(0, open)
              + marked.substring(open + 1, close)
              + marked.substring(close + 1);
      return new Caret(text, open, close - 1);
    }
    int bar = marked.indexOf('|');
    return new Caret(marked.substring(0, bar) + marked.substring(bar + 1), bar, bar);
  }

  /** The text after {@code edit}, marked the same way. */
  static String after(String text, AssistEdit edit) {
    String out = edit.applyTo(text);
    if (edit.anchor() == edit.caret()) {
      return out.substring(0, edit.caret()) + "|" + out.substring(edit.caret());
    }
    return out.substring(0, edit.anchor())
        + "«"
        + out.substring(edit.anchor(), edit.caret())
        + "»"
        + out.substring(edit.caret());
  }

  int start() {
    return Math.min(anchor, caret);
  }

  int end() {
    return Math.max(anchor, caret);
  }

  int charBefore() {
    return start() == 0 ? BracketPairing.NONE : text.charAt(start() - 1);
  }

  int charAfter() {
    return end() >= text.length() ? BracketPairing.NONE : text.charAt(end());
  }
}
