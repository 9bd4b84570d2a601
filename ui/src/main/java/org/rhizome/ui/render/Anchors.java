package org.rhizome.ui.render;

import java.util.Locale;

/**
 * Heading ids: one function for the id a heading gets and the anchor a link names, so {@code [[#My
 * Heading]]} and {@code [[Note#my heading]]} find {@code ## My heading}.
 */
public final class Anchors {
  private Anchors() {}

  /**
   * Lower case, runs of space and punctuation as one {@code -}; letters and digits of any script
   * kept.
   */
  public static String slug(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean dash = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || cp == '_') {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        dash = false;
        out.appendCodePoint(Character.toLowerCase(cp));
      } else {
        dash = true;
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The id of a block anchor {@code ^id}. */
  public static String blockId(String id) {
    return "^" + id;
  }
}
