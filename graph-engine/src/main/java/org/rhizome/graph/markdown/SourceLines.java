package org.rhizome.graph.markdown;

import java.util.Arrays;

/**
 * Line index of one input string: maps offsets to 0-based lines and cuts the "line of context"
 * shown next to a link or mention. {@code \n}, {@code \r\n} and a lone {@code \r} each end a line.
 */
final class SourceLines {

  private final String text;
  private final int[] lineStarts;
  private final int lineCount;
  private final int firstLine;

  SourceLines(String text) {
    this(text, 0, text.length(), 0);
  }

  /**
   * The lines of {@code [from, to)} only ({@code from} starts a line, and {@code to} is a line
   * start or the end), numbered from {@code firstLine}: a part of a long note costs its own length,
   * not the note's.
   */
  SourceLines(String text, int from, int to, int firstLine) {
    this.text = text;
    this.firstLine = firstLine;
    int[] starts = new int[16];
    starts[0] = from;
    int count = 1;
    int length = to;
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = starts;
    this.lineCount = count;
  }

  int lineOf(int offset) {
    return firstLine + index(offset);
  }

  private int index(int offset) {
    int found = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
    return Math.max(0, found >= 0 ? found : -found - 2);
  }

  /**
   * The line containing {@code [start, end)}, trimmed; if longer than {@code maxChars}, a window of
   * {@code maxChars} that contains the start of the range (and as much of it as fits), never
   * splitting a surrogate pair.
   */
  String lineTextAround(int start, int end, int maxChars) {
    int line = index(start);
    int from = lineStarts[line];
    int to = line + 1 < lineCount ? lineStarts[line + 1] : text.length();
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    if (to - from > maxChars) {
      int contextBefore = Math.max(0, (maxChars - (end - start)) / 2);
      int windowStart = Math.max(from, Math.min(start - contextBefore, to - maxChars));
      from = windowStart;
      to = windowStart + maxChars;
      if (Character.isLowSurrogate(text.charAt(from))) {
        from++;
      }
      if (Character.isHighSurrogate(text.charAt(to - 1))) {
        to--;
      }
      return text.substring(from, to).strip();
    }
    return text.substring(from, to);
  }
}
