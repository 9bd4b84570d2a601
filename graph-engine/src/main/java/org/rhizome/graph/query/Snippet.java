package org.rhizome.graph.query;

import java.util.List;

/** A short excerpt of a note with the ranges that matched the query. */
public record Snippet(String text, List<Highlight> highlights) {
  public record Highlight(int start, int end) {}

  public static final Snippet EMPTY = new Snippet("", List.of());

  /** The text with each highlight wrapped in {@code open}/{@code close}. */
  public String marked(String open, String close) {
    StringBuilder out =
        new StringBuilder(text.length() + highlights.size() * (open.length() + close.length()));
    int at = 0;
    for (Highlight h : highlights) {
      out.append(text, at, h.start()).append(open).append(text, h.start(), h.end()).append(close);
      at = h.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
