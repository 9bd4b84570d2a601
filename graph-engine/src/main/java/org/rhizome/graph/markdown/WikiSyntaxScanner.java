package org.rhizome.graph.markdown;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds wikilinks and {@code #tags} in the parts of the input that are Markdown text (the caller
 * passes the gaps between code, HTML, URLs and other syntax that the Flexmark AST marks out). One
 * linear pass per gap, no regular expressions.
 */
final class WikiSyntaxScanner {

  private final String text;
  private final SourceLines lines;
  private final List<WikiLink> links;
  private final @Nullable TagSink tags;
  private final int[] tagStops;

  /** Receives each body tag found: {@code [hash, end)} is {@code #tag} as written. */
  @FunctionalInterface
  interface TagSink {
    void tag(int hash, int end);
  }

  /** A scanner for links only. */
  WikiSyntaxScanner(String text, SourceLines lines, List<WikiLink> links) {
    this(text, lines, links, null, new int[0]);
  }

  /**
   * @param tags where body tags go, or null to look for links only
   * @param tagStops sorted offsets where a tag must end even if a tag char is there (emphasis
   *     delimiters, see {@link BodyStructure#emphasisMarkers()})
   */
  WikiSyntaxScanner(
      String text,
      SourceLines lines,
      List<WikiLink> links,
      @Nullable TagSink tags,
      int[] tagStops) {
    this.text = text;
    this.lines = lines;
    this.links = links;
    this.tags = tags;
    this.tagStops = tagStops;
  }

  /** Scans {@code [from, to)}, a stretch of plain Markdown text. */
  void scan(int from, int to) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '[' && i + 1 < to && text.charAt(i + 1) == '[' && !isEscaped(i)) {
        // "[[[a]]": the extra bracket is text and the link starts at the last "[[".
        while (i + 2 < to && text.charAt(i + 2) == '[') {
          i++;
        }
        i = scanLink(i, from, to);
      } else if (c == '#' && tags != null) {
        i = scanTag(i, to, tags);
      } else {
        i++;
      }
    }
  }

  /** {@code i} is at "[["; returns where to continue. */
  private int scanLink(int i, int from, int to) {
    int j = i + 2;
    while (j < to) {
      char d = text.charAt(j);
      if (d == '\n' || d == '\r') {
        return j; // a wikilink never spans lines
      }
      if (d == '[' && j + 1 < to && text.charAt(j + 1) == '[') {
        return j; // "[[a [[b]]": the inner "[[" starts the candidate
      }
      if (d == ']' && j + 1 < to && text.charAt(j + 1) == ']') {
        WikiLink link = buildLink(i, j, from);
        if (link != null) {
          links.add(link);
          return j + 2;
        }
        return i + 2;
      }
      j++;
    }
    return j;
  }

  private @Nullable WikiLink buildLink(int open, int close, int from) {
    boolean embed = open > from && text.charAt(open - 1) == '!' && !isEscaped(open - 1);
    int contentStart = open + 2;
    int pipe = indexOf('|', contentStart, close);
    int targetPartEnd = close;
    if (pipe >= 0) {
      // Obsidian writes "\|" inside table cells; it is the alias separator too.
      targetPartEnd = pipe > contentStart && text.charAt(pipe - 1) == '\\' ? pipe - 1 : pipe;
    }
    int hash = indexOf('#', contentStart, targetPartEnd);
    int targetStart = skipWhitespace(contentStart, hash < 0 ? targetPartEnd : hash);
    int targetEnd = trimWhitespaceEnd(targetStart, hash < 0 ? targetPartEnd : hash);
    if (targetStart == targetEnd) {
      targetStart = contentStart;
      targetEnd = contentStart;
    }
    if (indexOf('[', targetStart, targetEnd) >= 0 || indexOf(']', targetStart, targetEnd) >= 0) {
      return null;
    }
    String heading = hash < 0 ? null : strippedOrNull(hash + 1, targetPartEnd);
    String alias = pipe < 0 ? null : strippedOrNull(pipe + 1, close);
    if (targetStart == targetEnd && heading == null) {
      return null;
    }
    int start = embed ? open - 1 : open;
    int end = close + 2;
    return new WikiLink(
        text.substring(targetStart, targetEnd),
        heading,
        alias,
        embed,
        start,
        end,
        targetStart,
        targetEnd,
        lines.lineOf(start),
        lines.lineTextAround(start, end, MarkdownParser.MAX_LINE_TEXT),
        false);
  }

  /** {@code i} is at '#'; returns where to continue. */
  private int scanTag(int i, int to, TagSink out) {
    int runEnd = TagSyntax.tagRunEnd(text, i + 1, firstTagStopAfter(i, to));
    if (runEnd > i + 1 && startsWord(i) && TagSyntax.hasNonDigit(text, i + 1, runEnd)) {
      out.tag(i, runEnd);
    }
    return Math.max(i + 1, runEnd);
  }

  private int firstTagStopAfter(int hash, int to) {
    int found = Arrays.binarySearch(tagStops, hash + 1);
    int index = found >= 0 ? found : -found - 1;
    return index < tagStops.length ? Math.min(to, tagStops[index]) : to;
  }

  /**
   * A tag's '#' must begin a word: at the start of the input or after whitespace, or right after an
   * opening bracket or an emphasis delimiter ({@code (#a)}, {@code **#a**}). So {@code a#b}, {@code
   * \#a}, {@code &#35;} and URL fragments ({@code /page#part}) are not tags.
   */
  private boolean startsWord(int hash) {
    if (hash == 0) {
      return true;
    }
    char prev = text.charAt(hash - 1);
    return Character.isWhitespace(prev)
        || prev == '\u00A0'
        || prev == '\uFEFF'
        || prev == '('
        || prev == '['
        || prev == '*'
        || prev == '_'
        || prev == '~';
  }

  private boolean isEscaped(int index) {
    int backslashes = 0;
    for (int k = index - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return (backslashes & 1) == 1;
  }

  private int indexOf(char c, int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == c) {
        return k;
      }
    }
    return -1;
  }

  private int skipWhitespace(int from, int to) {
    int k = from;
    while (k < to && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k;
  }

  private int trimWhitespaceEnd(int from, int to) {
    int k = to;
    while (k > from && Character.isWhitespace(text.charAt(k - 1))) {
      k--;
    }
    return k;
  }

  private @Nullable String strippedOrNull(int from, int to) {
    int start = skipWhitespace(from, to);
    int end = trimWhitespaceEnd(start, to);
    return start == end ? null : text.substring(start, end);
  }
}
