package org.rhizome.ui.editor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rhizome.ui.render.Anchors;

/**
 * Where a heading or a block id is in a note's text, for showing {@code [[Note#Heading]]} in the
 * source view.
 */
final class NoteAnchors {
  private NoteAnchors() {}

  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");

  /**
   * The line (from 0) of the heading whose text matches {@code fragment}, or of the block {@code
   * ^id}; -1 if none.
   */
  static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    if (fragment.startsWith("^")) {
      Pattern end = Pattern.compile("(?:^|\\s)" + Pattern.quote(fragment) + "\\s*$");
      for (int i = 0; i < lines.length; i++) {
        if (end.matcher(lines[i]).find()) {
          return i;
        }
      }
      return -1;
    }
    String wanted = Anchors.slug(fragment.substring(fragment.lastIndexOf('#') + 1));
    for (int i = 0; i < lines.length; i++) {
      Matcher m = HEADING.matcher(lines[i]);
      if (m.matches() && Anchors.slug(m.group(1).replaceAll("[*_`=~]", "")).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }
}
