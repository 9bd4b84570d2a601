package org.rhizome.graph.markdown;

/**
 * What a {@link MarkdownSpan} marks. Block kinds ({@link #HEADING}, {@link #QUOTE}, {@link
 * #FENCED_CODE}, {@link #FRONT_MATTER}...) cover whole lines and may contain inline kinds; {@link
 * #LINK_TARGET}, {@link #LINK_HEADING} and {@link #LINK_ALIAS} lie inside their {@link #WIKILINK}
 * or {@link #EMBED}.
 */
public enum SpanKind {
  /** An ATX or setext heading, marker included; {@link MarkdownSpan#level()} is 1 to 6. */
  HEADING,
  EMPHASIS,
  STRONG,
  /** {@code `code`}. */
  CODE_SPAN,
  /** A fenced or indented code block, fences included. */
  FENCED_CODE,
  /** {@code [[target#heading|alias]]}. */
  WIKILINK,
  /** {@code ![[target]]}. */
  EMBED,
  /** The target name of a wikilink or embed, as the index reads it. */
  LINK_TARGET,
  /** The part after {@code #} of a wikilink. */
  LINK_HEADING,
  /** The part after {@code |} of a wikilink. */
  LINK_ALIAS,
  /** {@code [text](url)}, {@code ![alt](url)} or a defined {@code [text][ref]}. */
  MARKDOWN_LINK,
  /** An autolink {@code <https://...>} or a bare {@code https://...} address in text. */
  URL,
  /** {@code #tag}, exactly where the index finds one. */
  TAG,
  /** {@code ^block-id} at the end of a line. */
  BLOCK_ID,
  /** {@code [!type]} opening a callout (a block quote). */
  CALLOUT,
  /** {@code [ ] } or {@code [x] } opening a task list item. */
  TASK,
  /** A list item's bullet or number and the space after it. */
  LIST_MARKER,
  /** A block quote. */
  QUOTE,
  /** A thematic break ({@code ---}, {@code ***}). */
  RULE,
  /** {@code ==highlight==}. */
  HIGHLIGHT,
  /** An HTML comment or an Obsidian {@code %%comment%%}. */
  COMMENT,
  /** Inline HTML and the tags of HTML blocks. */
  HTML,
  /** {@code $math$} or {@code $$display math$$}. */
  MATH,
  /** The YAML block at the top, its {@code ---} lines included. */
  FRONT_MATTER
}
