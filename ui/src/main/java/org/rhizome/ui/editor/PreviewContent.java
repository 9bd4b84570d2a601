package org.rhizome.ui.editor;

import java.util.regex.Pattern;

/**
 * The part of a note a preview shows: the body without front matter, cut at a line end near {@value
 * #MAX_CHARS} chars.
 */
final class PreviewContent {
  static final int MAX_CHARS = 2000;
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---\\R.*?\\R---\\R?", Pattern.DOTALL);

  private PreviewContent() {}

  /** The start of {@code body}; from the heading {@code heading} when the body has it. */
  static String startOf(String body, String heading) {
    String text = FRONT_MATTER.matcher(body).replaceFirst("");
    if (!heading.isEmpty() && !heading.startsWith("^")) {
      Pattern h =
          Pattern.compile(
              "(?m)^#{1,6}\\s+" + Pattern.quote(heading.strip()) + "\\s*#*\\s*$",
              Pattern.CASE_INSENSITIVE);
      var m = h.matcher(text);
      if (m.find()) {
        text = text.substring(m.start());
      }
    }
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf('\n', MAX_CHARS);
    return text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS) + "\n\n…";
  }
}
