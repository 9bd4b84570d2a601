package org.rhizome.ui.editor;

import java.util.Optional;
import java.util.function.Predicate;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.markdown.MarkdownBlocks;
import org.rhizome.graph.markdown.MarkdownSpan;
import org.rhizome.graph.markdown.NoteSpans;
import org.rhizome.graph.markdown.SpanKind;

/**
 * Applies the engine's Markdown spans to a {@link CodeArea} through {@link MarkdownHighlighter}:
 * the whole text once when a note opens, then only the blocks an edit changed ({@link
 * MarkdownBlocks} finds them, and reaches on to where the text means what it meant before when the
 * edit opened or closed a code fence, math or comment), so a keystroke in a 200 KB note costs a
 * paragraph. Also answers "which link is at this offset" from the same spans, so the link the
 * editor follows is the link the index stores.
 *
 * <p>FX thread only.
 */
final class DocumentStyler {
  private final CodeArea area;

  /** Which link targets reach no note (as last read from the engine); none until the first read. */
  private Predicate<String> unresolved = target -> false;

  /** The block cuts of the text as last styled; null before the first styling. */
  private @Nullable MarkdownBlocks blocks;

  DocumentStyler(CodeArea area) {
    this.area = area;
  }

  /**
   * Takes a new answer to "does this link target reach no note?" and restyles the blocks with a
   * wikilink in them (only those: a status change must not cost a 200 KB note a full restyle).
   */
  void linkStatus(Predicate<String> unresolved) {
    this.unresolved = unresolved;
    MarkdownBlocks current = current();
    String text = current.text();
    int styledTo = 0;
    for (int at = text.indexOf("[[");
        at >= 0;
        at = text.indexOf("[[", Math.max(at + 2, styledTo))) {
      NoteSpans spans = current.spansAround(at, at);
      apply(spans);
      styledTo = spans.to();
    }
  }

  /** True when a code fence is open at the start of {@code paragraph} (list continuation asks). */
  boolean insideFence(int paragraph) {
    int offset = area.getAbsolutePosition(paragraph, 0);
    for (MarkdownSpan s : current().spansAround(offset, offset).spans()) {
      if (s.kind() == SpanKind.FENCED_CODE && s.start() < offset && offset <= s.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The wikilink, embed or Markdown link to a vault file that contains {@code offset}, as the index
   * reads it.
   */
  Optional<WikiLinkAt> linkAt(int offset) {
    return current()
        .spansAround(offset, offset)
        .linkAt(offset)
        .filter(link -> !link.target().isEmpty())
        .map(link -> new WikiLinkAt(link.target(), link.start(), link.end()));
  }

  /** Styles every line. */
  void styleAll() {
    blocks = MarkdownBlocks.of(area.getText());
    apply(blocks.spansAll());
  }

  /**
   * Restyles after an edit at {@code position} (chars) that removed {@code removed} and inserted
   * {@code inserted}.
   */
  void edited(int position, String removed, String inserted) {
    MarkdownBlocks before = blocks;
    String text = area.getText();
    if (before != null
        && before.text().length() - removed.length() + inserted.length() != text.length()) {
      before = null; // an edit went by unreported: restyle from here to the end
    }
    blocks = MarkdownBlocks.of(text, before, position, removed.length(), inserted.length());
    apply(blocks.spansAfterEdit(before, position, removed.length(), inserted.length()));
  }

  private MarkdownBlocks current() {
    MarkdownBlocks b = blocks;
    if (b == null || b.text().length() != area.getLength()) {
      b = MarkdownBlocks.of(area.getText());
      blocks = b;
    }
    return b;
  }

  private void apply(NoteSpans spans) {
    StyleSpans<java.util.Collection<String>> built = MarkdownHighlighter.style(spans, unresolved);
    if (built.length() > 0) {
      area.setStyleSpans(spans.from(), built);
    }
  }
}
