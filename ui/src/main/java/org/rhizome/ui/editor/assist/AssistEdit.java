package org.rhizome.ui.editor.assist;

import java.util.List;

/**
 * What an editing helper wants done: replacements of ranges of the text it was given (ascending,
 * not overlapping, offsets into that text as it was), then the selection ({@code anchor} to {@code
 * caret}, offsets into the text after the replacements). The editor applies it through its normal
 * edit path, so it syncs and undoes like typing.
 */
public record AssistEdit(List<Replacement> replacements, int anchor, int caret) {

  /** Replace {@code [start, end)} with {@code text}. */
  public record Replacement(int start, int end, String text) {
    public Replacement {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad range " + start + ".." + end);
      }
    }
  }

  public AssistEdit {
    replacements = List.copyOf(replacements);
    for (int i = 1; i < replacements.size(); i++) {
      if (replacements.get(i).start() < replacements.get(i - 1).end()) {
        throw new IllegalArgumentException("replacements overlap or are out of order");
      }
    }
  }

  /** One replacement and a caret (no selection). */
  public static AssistEdit replace(int start, int end, String text, int caret) {
    return new AssistEdit(List.of(new Replacement(start, end, text)), caret, caret);
  }

  /** Only moves the caret. */
  public static AssistEdit moveTo(int caret) {
    return new AssistEdit(List.of(), caret, caret);
  }

  /** This edit with every offset moved by {@code delta} (from line offsets to document offsets). */
  public AssistEdit shifted(int delta) {
    return new AssistEdit(
        replacements.stream()
            .map(r -> new Replacement(r.start() + delta, r.end() + delta, r.text()))
            .toList(),
        anchor + delta,
        caret + delta);
  }

  /** The text after this edit (for tests and the pure helpers' own checks). */
  public String applyTo(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int at = 0;
    for (Replacement r : replacements) {
      out.append(text, at, r.start()).append(r.text());
      at = r.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
