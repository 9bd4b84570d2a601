package org.rhizome.app.cli;

/**
 * Text made safe to print on a terminal: a note's body may hold escape sequences (a pasted {@code
 * ESC[2J}, a title-setting OSC) that a terminal would obey. Control characters other than newline
 * and tab, and the bidirectional overrides that can make text read differently from what it is, are
 * shown as visible escapes instead: {@code \e}, {@code \r}, {@code \x07}, {@code \u202E}. A CR
 * before an LF (Windows line ends) is dropped. JSON output is never passed through here: it is
 * exact.
 */
final class TerminalText {
  private TerminalText() {}

  static String safe(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      String replacement = replacement(text, i, ch);
      if (replacement == null) {
        if (out != null) {
          out.append(ch);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(replacement);
    }
    return out == null ? text : out.toString();
  }

  /** Null when {@code ch} prints as itself. */
  private static String replacement(String text, int i, char ch) {
    if (ch == '\n' || ch == '\t') {
      return null;
    }
    if (ch == '\r') {
      return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "\\r";
    }
    if (ch == 0x1B) {
      return "\\e";
    }
    if (Character.isISOControl(ch)) {
      return ch <= 0xFF ? String.format("\\x%02x", (int) ch) : String.format("\\u%04X", (int) ch);
    }
    if ((ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069)) {
      return String.format("\\u%04X", (int) ch);
    }
    return null;
  }
}
