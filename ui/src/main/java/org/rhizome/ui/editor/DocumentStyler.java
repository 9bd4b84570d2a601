package org.rhizome.ui.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Applies {@link MarkdownHighlighter} to a {@link CodeArea}: the whole text once when a note opens,
 * then only the lines an edit touched, so a keystroke in a 200 KB note costs a line, not the
 * document. An edit that may open or close a code fence restyles from its line to the end.
 *
 * <p>FX thread only.
 */
final class DocumentStyler {
  private final CodeArea area;
  /** Which link targets reach no note (as last read from the engine); none until the first read. */
  private java.util.function.Predicate<String> unresolved = target -> false;

  DocumentStyler(CodeArea area) {
    this.area = area;
  }

  /**
   * Takes a new answer to "does this link target reach no note?" and restyles the lines with a
   * wikilink in them (only those: a status change must not cost a 200 KB note a full restyle).
   */
  void linkStatus(java.util.function.Predicate<String> unresolved) {
    this.unresolved = unresolved;
    int paragraphs = area.getParagraphs().size();
    boolean fence = false;
    for (int p = 0; p < paragraphs; p++) {
      String line = area.getText(p);
      if (!fence && line.contains("[[")) {
        area.setStyleSpans(p, 0, MarkdownHighlighter.styleLine(line, false, unresolved));
      }
      if (MarkdownHighlighter.fenceToggles(line)) {
        fence = !fence;
      }
    }
  }

  /** True when a code fence is open at the start of {@code paragraph} (list continuation asks). */
  boolean insideFence(int paragraph) {
    return insideFenceAt(paragraph);
  }

  /** Styles every line. */
  void styleAll() {
    int last = area.getParagraphs().size() - 1;
    style(0, last);
  }

  /**
   * Restyles after an edit at {@code position} (chars) that removed {@code removed} and inserted
   * {@code inserted}.
   */
  void edited(int position, String removed, String inserted) {
    int first = area.offsetToPosition(position, org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
    int last = area.offsetToPosition(position + inserted.length(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
        .getMajor();
    if (mayToggleFence(removed) || mayToggleFence(inserted) || MarkdownHighlighter.fenceToggles(area.getText(first))) {
      last = area.getParagraphs().size() - 1;
    }
    style(first, last);
  }

  private static boolean mayToggleFence(String s) {
    return s.indexOf('`') >= 0 || s.indexOf('~') >= 0;
  }

  private void style(int first, int last) {
    boolean fence = insideFenceAt(first);
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    for (int p = first; p <= last; p++) {
      String line = area.getText(p);
      spans.addAll(MarkdownHighlighter.styleLine(line, fence, unresolved));
      if (MarkdownHighlighter.fenceToggles(line)) {
        fence = !fence;
      }
      if (p < last) {
        spans.add(List.of(), 1);
      }
    }
    StyleSpans<Collection<String>> built = spans.create();
    if (built.length() > 0) {
      area.setStyleSpans(area.getAbsolutePosition(first, 0), built);
    }
  }

  private boolean insideFenceAt(int paragraph) {
    boolean fence = false;
    for (int p = 0; p < paragraph; p++) {
      if (MarkdownHighlighter.fenceToggles(area.getText(p))) {
        fence = !fence;
      }
    }
    return fence;
  }
}
