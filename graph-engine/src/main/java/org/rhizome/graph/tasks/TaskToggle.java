package org.rhizome.graph.tasks;

import java.util.Optional;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.text.Splice;

/**
 * Ticking a task is a one-character edit of the note's text: the mark between the brackets becomes
 * {@code x} (from a blank) or a blank (from anything else), so it merges, syncs and shows in history
 * like any edit.
 */
public final class TaskToggle {
  private TaskToggle() {}

  /** The splice (in code points) that ticks or unticks the task on {@code line}; empty if no task is there now. */
  public static Optional<Splice> toggle(String body, int line) {
    for (Task t : TaskParser.parse(body, new MarkdownParser().parse(body))) {
      if (t.line() == line) {
        int at = body.codePointCount(0, t.markOffset());
        return Optional.of(new Splice(at, 1, t.mark() == ' ' ? "x" : " "));
      }
    }
    return Optional.empty();
  }
}
