package org.rhizome.ui.editor.assist;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enter in a list, a checklist or a quote, as Obsidian does it: the new line gets the same
 * indentation, quote marks and list marker ({@code - }, {@code * }, {@code + }, the next number of
 * {@code 1. } / {@code 1) }, an unchecked {@code [ ] } for a task); Enter on an empty item ends the
 * list (an indented empty item moves out one level first); Enter on a plain indented line keeps the
 * indentation. Inside a code fence only the indentation is kept.
 *
 * <p>Pure: works on one line and a column, and answers in offsets of that line.
 */
public final class ListContinuation {
  private static final Pattern PREFIX =
      Pattern.compile(
          "^(?<indent>[ \\t]*)(?<quote>(?:>[ \\t]?)*)(?:(?<bullet>[-*+])|(?<num>\\d{1,9})(?<delim>[.)]))?"
              + "(?<space>[ \\t]+)?(?<task>\\[[ xX]\\][ \\t]+)?");

  private ListContinuation() {}

  /**
   * What Enter does at {@code column} of {@code line}; empty when it is a plain new line (the
   * editor's own Enter then runs).
   */
  public static Optional<AssistEdit> onEnter(String line, int column, boolean insideFence) {
    if (column < 0 || column > line.length()) {
      return Optional.empty();
    }
    Matcher m = PREFIX.matcher(line);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String indent = m.group("indent");
    if (insideFence) {
      return indent.isEmpty() || column < indent.length()
          ? Optional.empty()
          : Optional.of(newLine(column, indent));
    }
    String quote = m.group("quote");
    boolean hasMarker =
        (m.group("bullet") != null || m.group("num") != null) && m.group("space") != null;
    boolean hasTask = hasMarker && m.group("task") != null;
    int prefixEnd;
    if (hasMarker) {
      prefixEnd = hasTask ? m.end("task") : m.end("space");
    } else {
      prefixEnd = indent.length() + quote.length();
    }
    if (!hasMarker && quote.isEmpty()) {
      // A plain line: keep its indentation, nothing else.
      return indent.isEmpty() || column < indent.length()
          ? Optional.empty()
          : Optional.of(newLine(column, indent));
    }
    if (column < prefixEnd) {
      // The caret is in the marker itself: a plain new line, as Obsidian does.
      return Optional.empty();
    }
    boolean emptyItem = line.substring(prefixEnd).isBlank();
    if (emptyItem) {
      return Optional.of(endItem(line, indent, quote, hasMarker, prefixEnd));
    }
    StringBuilder next = new StringBuilder(indent).append(quote);
    if (hasMarker) {
      if (m.group("bullet") != null) {
        next.append(m.group("bullet"));
      } else {
        next.append(increment(m.group("num"))).append(m.group("delim"));
      }
      next.append(m.group("space"));
      if (hasTask) {
        String task = m.group("task");
        next.append("[ ]").append(task.substring(3));
      }
    }
    return Optional.of(newLine(column, next.toString()));
  }

  /** Enter on an item with nothing in it: out one level when indented, else the marker goes. */
  private static AssistEdit endItem(
      String line, String indent, String quote, boolean hasMarker, int prefixEnd) {
    if (hasMarker && !indent.isEmpty()) {
      int cut = indent.endsWith("\t") ? 1 : (indent.length() % 4 == 0 ? 4 : indent.length() % 4);
      cut = Math.min(cut, indent.length());
      // Move the empty item out one level; the caret stays at its end.
      return AssistEdit.replace(indent.length() - cut, indent.length(), "", line.length() - cut);
    }
    if (hasMarker && !quote.isEmpty()) {
      // "> - " ends the list but stays in the quote.
      int quoteEnd = indent.length() + quote.length();
      return AssistEdit.replace(quoteEnd, line.length(), "", quoteEnd);
    }
    return AssistEdit.replace(0, line.length(), "", 0);
  }

  private static AssistEdit newLine(int column, String prefix) {
    String insert = "\n" + prefix;
    return AssistEdit.replace(column, column, insert, column + insert.length());
  }

  private static String increment(String number) {
    // Up to nine digits always fits a long; keep leading zeros' width ("09." -> "10.").
    long next = Long.parseLong(number) + 1;
    String s = Long.toString(next);
    while (s.length() < number.length()) {
      s = "0" + s;
    }
    return s;
  }
}
