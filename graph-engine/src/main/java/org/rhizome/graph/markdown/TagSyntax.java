package org.rhizome.graph.markdown;

import org.jspecify.annotations.Nullable;

/**
 * Which characters make a tag, shared by body tags ({@code #tag}) and front-matter tags. A tag is a
 * run of letters, digits, combining marks, {@code -}, {@code _} and {@code /} (for nested tags)
 * that contains at least one character that is not a digit, as in Obsidian ({@code #123} is not a
 * tag, {@code #y2024} is). A trailing {@code /} is not part of the tag.
 */
final class TagSyntax {

  private TagSyntax() {}

  static boolean isTagChar(int codePoint) {
    if (codePoint < 0x80) {
      return (codePoint >= 'a' && codePoint <= 'z')
          || (codePoint >= 'A' && codePoint <= 'Z')
          || (codePoint >= '0' && codePoint <= '9')
          || codePoint == '-'
          || codePoint == '_'
          || codePoint == '/';
    }
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /**
   * End of the run of tag characters that starts at {@code from}, scanning no further than {@code
   * limit}.
   */
  static int tagRunEnd(CharSequence text, int from, int limit) {
    int i = from;
    while (i < limit) {
      int cp = Character.codePointAt(text, i);
      if (!isTagChar(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    while (i > from && text.charAt(i - 1) == '/') {
      i--;
    }
    return i;
  }

  /** True if {@code [from, to)} (a run of tag characters) has a non-digit, so it is a tag. */
  static boolean hasNonDigit(CharSequence text, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(text, i);
      if (!Character.isDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /**
   * A front-matter tag value ({@code #tag} or {@code tag}) without its {@code #}, or null if it is
   * not a valid tag.
   */
  static @Nullable String normalize(String raw) {
    String value = raw.strip();
    if (value.startsWith("#")) {
      value = value.substring(1);
    }
    int end = tagRunEnd(value, 0, value.length());
    if (end == 0 || !hasNonDigit(value, 0, end)) {
      return null;
    }
    for (int i = end; i < value.length(); i++) {
      if (value.charAt(i) != '/') {
        return null;
      }
    }
    return value.substring(0, end);
  }
}
