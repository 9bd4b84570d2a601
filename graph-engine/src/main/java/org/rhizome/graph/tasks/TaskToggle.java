package org.rhizome.graph.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.text.Splice;

/**
 * Ticking a task is a small edit of the note's text: the mark between the brackets becomes {@code
 * x} (from a blank) or a blank (from anything else), so it merges, syncs and shows in history like
 * any edit. With a date, ticking also writes {@code ✅ 2026-12-24} at the end of the item (before a
 * trailing {@code ^block-id}), as Obsidian Tasks does, unless the item has a done date already;
 * unticking takes such a date away again. Both edits go into one change.
 */
public final class TaskToggle {
  private static final String DONE = "\u2705";

  private TaskToggle() {}

  /** One replacement of the text in UTF-16 offsets: {@code [from, to)} becomes {@code text}. */
  public record Edit(int from, int to, String text) {}

  /**
   * The splice (in code points) that ticks or unticks the task on {@code line}; empty if no task is
   * there now.
   */
  public static Optional<Splice> toggle(String body, int line) {
    List<Splice> s = toggle(body, line, null);
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
  }

  /**
   * The splices (code points, applied in order) that tick or untick the task on {@code line}, with
   * the done date written or removed when {@code doneOn} is given; empty if no task is there now.
   */
  public static List<Splice> toggle(String body, int line, @Nullable LocalDate doneOn) {
    for (Task t : TaskParser.parse(body, new MarkdownParser().parse(body))) {
      if (t.line() == line) {
        List<Splice> out = new ArrayList<>(2);
        for (Edit e : edits(body, t, doneOn)) {
          int at = body.codePointCount(0, e.from());
          out.add(new Splice(at, body.codePointCount(e.from(), e.to()), e.text()));
        }
        return out;
      }
    }
    return List.of();
  }

  /**
   * The edits (UTF-16, applied in order: later ones first, so each offset is of the text as given)
   * that tick or untick the task whose mark is at {@code markOffset}; empty if no task's mark is
   * there now or it is not {@code expected}.
   */
  public static List<Edit> editsAtMark(
      String body, int markOffset, char expected, @Nullable LocalDate doneOn) {
    for (Task t : TaskParser.parse(body, new MarkdownParser().parse(body))) {
      if (t.markOffset() == markOffset) {
        return t.mark() == expected ? edits(body, t, doneOn) : List.of();
      }
    }
    return List.of();
  }

  private static List<Edit> edits(String body, Task t, @Nullable LocalDate doneOn) {
    boolean ticking = t.mark() == ' ';
    Edit mark = new Edit(t.markOffset(), t.markOffset() + 1, ticking ? "x" : " ");
    if (doneOn == null) {
      return List.of(mark);
    }
    int lineEnd = lineEnd(body, t.markOffset());
    Edit date =
        ticking
            ? (t.done() == null ? stamp(body, t.markOffset() + 2, lineEnd, doneOn) : null)
            : unstamp(body, t.markOffset() + 2, lineEnd);
    return date == null ? List.of(mark) : List.of(date, mark);
  }

  private static int lineEnd(String body, int from) {
    int eol = body.indexOf('\n', from);
    int end = eol < 0 ? body.length() : eol;
    return end > from && body.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  /**
   * Inserts {@code " ✅ date"} after the item's last non-blank character, or before its {@code
   * ^block-id}.
   */
  private static Edit stamp(String body, int from, int end, LocalDate doneOn) {
    int at = end;
    while (at > from && Character.isWhitespace(body.charAt(at - 1))) {
      at--;
    }
    int word = at;
    while (word > from && !Character.isWhitespace(body.charAt(word - 1))) {
      word--;
    }
    if (word > from
        && word < at
        && body.charAt(word) == '^'
        && word + 1 < at
        && body.substring(word + 1, at)
            .chars()
            .allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
      at = word;
      while (at > from && Character.isWhitespace(body.charAt(at - 1))) {
        at--;
      }
    }
    return new Edit(at, at, " " + DONE + " " + doneOn);
  }

  /** Removes a {@code ✅ date} from the item with one blank before it; null when there is none. */
  private static @Nullable Edit unstamp(String body, int from, int end) {
    for (int i = body.indexOf(DONE, from); i >= 0 && i < end; i = body.indexOf(DONE, i + 1)) {
      int j = i + DONE.length();
      if (j < end && body.charAt(j) == '\uFE0F') {
        j++;
      }
      while (j < end && body.charAt(j) == ' ') {
        j++;
      }
      int[] dateEnd = new int[1];
      if (Dates.parseAt(body.subSequence(0, end), j, dateEnd) != null) {
        int start = i;
        if (start > from && body.charAt(start - 1) == ' ') {
          start--;
        }
        return new Edit(start, dateEnd[0], "");
      }
    }
    return null;
  }
}
