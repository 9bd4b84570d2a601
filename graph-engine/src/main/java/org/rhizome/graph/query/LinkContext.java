package org.rhizome.graph.query;

/** The context a backlinks pane shows for a link: its line, cut around it. */
final class LinkContext {
  /** Characters kept on each side of the link (a whole paragraph is one line in Markdown). */
  static final int RADIUS = 80;

  private LinkContext() {}

  /**
   * The line around {@code [start, end)}, cut to about {@value #RADIUS} characters on each side of
   * the link at word boundaries, with "…" where it was cut: what a backlinks pane shows.
   */
  static String around(String body, int start, int end) {
    start = Math.max(0, Math.min(start, body.length()));
    end = Math.max(start, Math.min(end, body.length()));
    int lineStart = body.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = body.indexOf('\n', end);
    if (lineEnd < 0) {
      lineEnd = body.length();
    }
    int from = Math.max(lineStart, start - RADIUS);
    if (from > lineStart) {
      int space = body.indexOf(' ', from);
      from = space >= 0 && space < start ? space + 1 : from;
    }
    int to = Math.min(lineEnd, end + RADIUS);
    if (to < lineEnd) {
      int space = body.lastIndexOf(' ', to);
      to = space >= end ? space : to;
    }
    if (from > lineStart && Character.isLowSurrogate(body.charAt(from))) {
      from++;
    }
    if (to < lineEnd && to > 0 && Character.isHighSurrogate(body.charAt(to - 1))) {
      to--;
    }
    String text = body.substring(from, to).strip();
    return (from > lineStart ? "…" : "") + text + (to < lineEnd ? "…" : "");
  }
}
