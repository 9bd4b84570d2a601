package org.rhizome.ui.backlinks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an unlinked mention into a link: in the given line of a body, the first whole-word
 * occurrence of the title (any case) becomes {@code [[Title]]}, or {@code [[Title|as written]]}
 * when the case differs. Pure.
 */
public final class MentionLinker {
  private MentionLinker() {}

  /**
   * The body with the mention on {@code line} (0-based) linked; empty when the line no longer has
   * it.
   */
  public static Optional<String> link(String body, int line, String title) {
    int start = 0;
    for (int i = 0; i < line; i++) {
      int nl = body.indexOf('\n', start);
      if (nl < 0) {
        return Optional.empty();
      }
      start = nl + 1;
    }
    int end = body.indexOf('\n', start);
    end = end < 0 ? body.length() : end;
    String text = body.substring(start, end);
    Matcher m =
        Pattern.compile(
                "(?<![\\p{L}\\p{N}\\[])" + Pattern.quote(title) + "(?![\\p{L}\\p{N}\\]])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String written = m.group();
    String link = written.equals(title) ? "[[" + title + "]]" : "[[" + title + "|" + written + "]]";
    return Optional.of(
        body.substring(0, start + m.start()) + link + body.substring(start + m.end()));
  }
}
