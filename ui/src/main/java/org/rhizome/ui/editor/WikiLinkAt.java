package org.rhizome.ui.editor;

import java.util.Optional;

/**
 * The wikilink ({@code [[Target#Heading|Alias]]}) around a column of a line, as the editor follows
 * it: {@code target} is the note's name (no heading, no alias), trimmed.
 */
public record WikiLinkAt(String target, int start, int end) {

  /** The link that contains {@code column} (between its brackets, brackets included), if any. */
  public static Optional<WikiLinkAt> find(String line, int column) {
    int open = line.lastIndexOf("[[", Math.min(column, line.length()));
    while (open >= 0) {
      int close = line.indexOf("]]", open + 2);
      if (close < 0) {
        return Optional.empty();
      }
      if (column >= open && column <= close + 2) {
        String inner = line.substring(open + 2, close);
        if (inner.contains("[[")) {
          return Optional.empty();
        }
        int bar = inner.indexOf('|');
        String target = bar >= 0 ? inner.substring(0, bar) : inner;
        int hash = target.indexOf('#');
        target = (hash >= 0 ? target.substring(0, hash) : target).strip();
        return target.isEmpty() ? Optional.empty() : Optional.of(new WikiLinkAt(target, open, close + 2));
      }
      open = open == 0 ? -1 : line.lastIndexOf("[[", open - 1);
    }
    return Optional.empty();
  }
}
