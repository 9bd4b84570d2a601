package org.rhizome.graph.note;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How titles, aliases, link targets and tags are compared: Unicode NFC, trimmed, inner whitespace
 * collapsed, case folded. {@code [[My Note]]}, {@code [[my note]]} and {@code [[My Note.md]]} all
 * name the note titled "My Note"; a path target such as {@code [[folder/My Note]]} names it too.
 */
public final class NoteKeys {
  private NoteKeys() {}

  public static String titleKey(String title) {
    String s = Normalizer.normalize(title, Normalizer.Form.NFC).strip();
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(ch);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  public static String linkKey(String target) {
    String t = target.strip();
    int slash = t.lastIndexOf('/');
    if (slash >= 0 && slash < t.length() - 1) {
      t = t.substring(slash + 1);
    }
    if (t.length() > 3 && t.regionMatches(true, t.length() - 3, ".md", 0, 3)) {
      t = t.substring(0, t.length() - 3);
    }
    return titleKey(t);
  }

  /**
   * The folder part of a link target as a folder key ({@link NoteFolders#key}): {@code "A/B"} for
   * {@code [[a/b/Note]]}, {@code ""} for {@code [[Note]]}. A leading {@code /} (a path from the
   * vault's root) and doubled separators are dropped; {@code ./} and {@code ../} are kept for the
   * resolver.
   */
  public static String linkFolderKey(String target) {
    String t = target.strip();
    int slash = t.lastIndexOf('/');
    if (slash < 0 || slash == t.length() - 1) {
      return "";
    }
    StringBuilder out = new StringBuilder(slash);
    for (String segment : t.substring(0, slash).split("/")) {
      String s = segment.strip();
      if (!s.isEmpty()) {
        if (out.length() > 0) {
          out.append('/');
        }
        out.append(titleKey(s));
      }
    }
    return out.toString();
  }

  public static String tagKey(String tag) {
    String t = tag.startsWith("#") ? tag.substring(1) : tag;
    return Normalizer.normalize(t, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
  }
}
