package org.rhizome.graph.markdown;

import java.util.regex.Pattern;

/**
 * Writes a string as a YAML scalar of a front-matter line the way Obsidian writes one: plain when
 * the front matter reader ({@link MarkdownParser}, YAML 1.2 core schema) reads it back as the same
 * string, else double-quoted. The one writer of front-matter text: the properties table and a board
 * move ({@code query.lang.PropertyEdit}) both use it. Plain is chosen conservatively: also a string
 * a YAML 1.1 reader (Obsidian's older notes, other tools) would type — {@code yes}, {@code on},
 * {@code 0x1f}, {@code 12:30} — is quoted.
 */
public final class YamlScalars {
  /**
   * A plain scalar in a block value: not starting with an indicator, no {@code #} anywhere (a
   * comment after a space).
   */
  private static final Pattern PLAIN_SAFE =
      Pattern.compile("[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`][^#]*");

  /** What a YAML 1.2 or 1.1 reader resolves to something other than a string. */
  private static final Pattern LOOKS_TYPED =
      Pattern.compile(
          "(?i)true|false|yes|no|on|off|y|n|null|~|<<"
              + "|[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?"
              + "|[-+]?\\.(inf|nan)|0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+"
              + "|[-+]?\\d+(:[0-5]?\\d)+(\\.\\d*)?");

  private YamlScalars() {}

  /** {@code text} as a YAML scalar: plain when it reads back as the same string, else quoted. */
  public static String write(String text) {
    return isPlain(text) ? text : quote(text);
  }

  /** True when {@code text} may be written unquoted and still read back as the same string. */
  public static boolean isPlain(String text) {
    return !text.isEmpty()
        && text.equals(text.strip())
        && PLAIN_SAFE.matcher(text).matches()
        && !text.contains(": ")
        && !text.endsWith(":")
        && !LOOKS_TYPED.matcher(text).matches()
        && text.codePoints().allMatch(YamlScalars::plainChar);
  }

  /**
   * {@code text} double-quoted, with the escapes YAML reads: quotes, backslashes, line breaks and
   * every character YAML does not allow in a document as itself.
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                  if (plainChar(c)) {
                    out.appendCodePoint(c);
                  } else {
                    out.append(String.format("\\u%04x", c));
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /**
   * A code point YAML allows as itself on one line: printable, not a line break (YAML counts NEL
   * and the Unicode line and paragraph separators as breaks), not a byte order mark, not half a
   * surrogate pair (escaped, it reads back as the same half).
   */
  private static boolean plainChar(int c) {
    return c >= 0x20
        && !(c >= 0x7f && c <= 0x9f)
        && c != 0x2028
        && c != 0x2029
        && c != 0xfeff
        && !(c >= 0xd800 && c <= 0xdfff)
        && c != 0xfffe
        && c != 0xffff;
  }
}
