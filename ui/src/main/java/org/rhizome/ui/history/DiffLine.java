package org.rhizome.ui.history;

import java.util.List;

/**
 * One row of a unified diff: a line kept, removed or added (with its line numbers in the old and
 * new text, 0 when it has none there, and the changed words highlighted), or a fold standing for
 * {@code folded} unchanged lines.
 */
record DiffLine(
    Kind kind, int oldNumber, int newNumber, String text, List<Span> changed, int folded) {
  enum Kind {
    SAME,
    REMOVED,
    ADDED,
    FOLD
  }

  /** Characters {@code [start, end)} of the line that changed. */
  record Span(int start, int end) {}

  static DiffLine fold(int count) {
    return new DiffLine(Kind.FOLD, 0, 0, "", List.of(), count);
  }
}
