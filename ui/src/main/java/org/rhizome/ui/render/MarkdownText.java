package org.rhizome.ui.render;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Work on a note's Markdown as text, before parsing: hiding {@code %%comments%%} (offsets kept, so
 * a task's position still points into the note), and cutting out the section under a heading or the
 * block with an id, for embeds.
 */
final class MarkdownText {
  private MarkdownText() {}

  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---[ \\t]*\\R.*?\\R(?:---|\\.\\.\\.)[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  /**
   * The text with each {@code %%…%%} comment (also across lines) blanked out: its characters become
   * spaces, line breaks stay. Comments inside fenced code and code spans are code, left alone.
   */
  static String hideComments(String md) {
    if (md.indexOf("%%") < 0) {
      return md;
    }
    char[] out = md.toCharArray();
    int i = 0;
    int n = md.length();
    boolean lineStart = true;
    String fence = null;
    while (i < n) {
      if (lineStart) {
        int eol = md.indexOf('\n', i);
        if (fence == null && !mayBeFence(md, i, eol < 0 ? n : eol)) {
          lineStart = false;
          continue;
        }
        String line = md.substring(i, eol < 0 ? n : eol);
        Matcher f = FENCE.matcher(line);
        if (fence != null) {
          if (f.find()
              && f.group(1).charAt(0) == fence.charAt(0)
              && f.group(1).length() >= fence.length()
              && line.strip().length() == f.group(1).length()) {
            fence = null;
          }
          i = eol < 0 ? n : eol + 1;
          continue;
        }
        if (f.find()) {
          fence = f.group(1);
          i = eol < 0 ? n : eol + 1;
          continue;
        }
        lineStart = false;
      }
      char c = md.charAt(i);
      if (c == '\n') {
        lineStart = true;
        i++;
      } else if (c == '`') {
        int run = i;
        while (run < n && md.charAt(run) == '`') {
          run++;
        }
        String ticks = md.substring(i, run);
        int close = md.indexOf(ticks, run);
        i = close < 0 ? run : close + ticks.length();
      } else if (c == '%' && i + 1 < n && md.charAt(i + 1) == '%') {
        int close = md.indexOf("%%", i + 2);
        int end = close < 0 ? n : close + 2;
        for (int k = i; k < end; k++) {
          if (out[k] != '\n' && out[k] != '\r') {
            out[k] = ' ';
          }
        }
        // A comment ending mid-line leaves the rest of the line as text; one that spanned lines may
        // have
        // crossed a fence-looking line, which was a comment, not code.
        i = end;
      } else {
        i++;
      }
    }
    return new String(out);
  }

  /**
   * Whether a line can open a fence (up to three spaces, then a backtick or a tilde): most cannot,
   * and skip the pattern.
   */
  private static boolean mayBeFence(String md, int from, int to) {
    int k = from;
    while (k < to && k - from < 3 && md.charAt(k) == ' ') {
      k++;
    }
    return k < to && (md.charAt(k) == '`' || md.charAt(k) == '~');
  }

  /**
   * Front matter at the very top ({@code ---} … {@code ---}), as a length to skip; 0 when there is
   * none.
   */
  static int frontMatterLength(String md) {
    if (!md.startsWith("---")) {
      return 0;
    }
    Matcher m = FRONT_MATTER.matcher(md);
    return m.find() ? m.end() : 0;
  }

  /**
   * The section under the heading that {@code heading} names (compared as {@link Anchors#slug}):
   * from that heading to the next one of the same or a higher level. For {@code A#B}, the last part
   * is used.
   */
  static Optional<String> section(String md, String heading) {
    String parts = heading;
    int hash = parts.lastIndexOf('#');
    if (hash >= 0) {
      parts = parts.substring(hash + 1);
    }
    String wanted = Anchors.slug(parts);
    String[] lines = md.split("\n", -1);
    int start = -1;
    int level = 0;
    String fence = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (f.find()) {
        fence =
            fence == null ? f.group(1) : (f.group(1).charAt(0) == fence.charAt(0) ? null : fence);
        continue;
      }
      if (fence != null) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (!h.matches()) {
        continue;
      }
      int l = h.group(1).length();
      if (start < 0) {
        if (Anchors.slug(plain(h.group(2))).equals(wanted)) {
          start = i;
          level = l;
        }
      } else if (l <= level) {
        return Optional.of(String.join("\n", java.util.Arrays.copyOfRange(lines, start, i)));
      }
    }
    return start < 0
        ? Optional.empty()
        : Optional.of(String.join("\n", java.util.Arrays.copyOfRange(lines, start, lines.length)));
  }

  /**
   * The block with the id {@code ^id}: the paragraph or list item whose last line ends with it, or,
   * for an id on a line of its own, the block just above it (a table, a quote, a list).
   */
  static Optional<String> block(String md, String id) {
    String[] lines = md.split("\n", -1);
    Pattern end = Pattern.compile("(?:^|\\s)\\^" + Pattern.quote(id) + "\\s*$");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = end.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      boolean alone = lines[i].strip().equals("^" + id);
      int last = alone ? i - 1 : i;
      while (alone && last >= 0 && lines[last].isBlank()) {
        last--;
      }
      if (last < 0) {
        return Optional.empty();
      }
      String lastLine = lines[last];
      if (!alone && lastLine.stripLeading().matches("^([-*+]|\\d+[.)])\\s.*")) {
        return Optional.of(lastLine.strip());
      }
      int first = last;
      while (first > 0 && !lines[first - 1].isBlank() && !HEADING.matcher(lines[first]).matches()) {
        first--;
      }
      return Optional.of(String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1)));
    }
    return Optional.empty();
  }

  /** A heading's text without the commonest inline marks, for comparing with a link's anchor. */
  static String plain(String heading) {
    return heading
        .replaceAll("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)\\]\\]", "$1")
        .replaceAll("[*_`=~]", "");
  }
}
