package org.rhizome.graph.markdown;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Destinations of Markdown links to vault files: percent-decoding as Obsidian writes them ({@code
 * My%20Note.md}).
 */
final class LocalLinkTargets {
  private LocalLinkTargets() {}

  /**
   * Decodes {@code %XX} escapes as UTF-8; a malformed escape is kept as written. {@code +} stays
   * {@code +}.
   */
  static String decode(String url) {
    if (url.indexOf('%') < 0) {
      return url;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(url.length());
    int i = 0;
    while (i < url.length()) {
      char c = url.charAt(i);
      if (c == '%'
          && i + 2 < url.length()
          && hex(url.charAt(i + 1)) >= 0
          && hex(url.charAt(i + 2)) >= 0) {
        out.write(hex(url.charAt(i + 1)) * 16 + hex(url.charAt(i + 2)));
        i += 3;
      } else {
        int cp = url.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /**
   * Percent-encodes what a link destination cannot hold as it is (spaces, controls, {@code ( ) < >
   * % #} and backslash); other characters, non-ASCII included, stay as they are, as Obsidian writes
   * them.
   */
  static String encode(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c <= 0x20 || c == 0x7F || c == '(' || c == ')' || c == '<' || c == '>' || c == '%'
          || c == '#' || c == '\\') {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      } else {
        out.append((char) c);
      }
    }
    return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
