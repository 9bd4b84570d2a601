package org.rhizome.ui.render;

import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** The AST nodes of Obsidian's syntax that CommonMark and GFM lack. */
final class ObsidianNodes {
  private ObsidianNodes() {}

  /** {@code ==text==}. */
  static final class Highlight extends Node implements DelimitedNode {
    private BasedSequence opening = BasedSequence.NULL;
    private BasedSequence text = BasedSequence.NULL;
    private BasedSequence closing = BasedSequence.NULL;

    Highlight(BasedSequence opening, BasedSequence text, BasedSequence closing) {
      super(opening.baseSubSequence(opening.getStartOffset(), closing.getEndOffset()));
      this.opening = opening;
      this.text = text;
      this.closing = closing;
    }

    @Override
    public BasedSequence[] getSegments() {
      return new BasedSequence[] {opening, text, closing};
    }

    @Override
    public BasedSequence getOpeningMarker() {
      return opening;
    }

    @Override
    public void setOpeningMarker(BasedSequence s) {
      opening = s;
    }

    @Override
    public BasedSequence getText() {
      return text;
    }

    @Override
    public void setText(BasedSequence s) {
      text = s;
    }

    @Override
    public BasedSequence getClosingMarker() {
      return closing;
    }

    @Override
    public void setClosingMarker(BasedSequence s) {
      closing = s;
    }
  }

  /** {@code $tex$} or {@code $$tex$$}. */
  static final class Math extends Node {
    final String tex;
    final boolean display;

    Math(BasedSequence chars, String tex, boolean display) {
      super(chars);
      this.tex = tex;
      this.display = display;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** {@code #tag} or {@code #nested/tag}. */
  static final class Tag extends Node {
    final String name;

    Tag(BasedSequence chars, String name) {
      super(chars);
      this.name = name;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** {@code ^block-id} at the end of a block: an anchor, not shown. */
  static final class BlockId extends Node {
    final String id;

    BlockId(BasedSequence chars, String id) {
      super(chars);
      this.id = id;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /**
   * The {@code [ ]} of a task item; {@code offset} is where its state character is in the note's
   * text.
   */
  static final class TaskBox extends Node {
    final char state;
    final int offset;

    TaskBox(char state, int offset) {
      this.state = state;
      this.offset = offset;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** {@code ^[text]}: an inline footnote; {@code text} is its Markdown. */
  static final class InlineFootnote extends Node {
    final String text;

    InlineFootnote(BasedSequence chars, String text) {
      super(chars);
      this.text = text;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }
}
