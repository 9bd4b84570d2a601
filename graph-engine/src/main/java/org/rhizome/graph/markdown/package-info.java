/**
 * Markdown analysis for notes: wikilinks, tags, headings and front matter (the input of the
 * engine's derived index), link retargeting for note rename, and unlinked mentions.
 *
 * <p>Everything here is pure: no I/O, no clock, no shared mutable state. All offsets are Java
 * {@link String} indices (UTF-16 code units) into the exact string that was passed in, and all line
 * numbers are 0-based; {@code \n}, {@code \r\n} and a lone {@code \r} each end a line, as in
 * CommonMark.
 *
 * <p>The syntax rules (what counts as a link, a tag, front matter, and what is skipped as code) are
 * written down in {@link org.rhizome.graph.markdown.MarkdownParser}.
 */
@NullMarked
package org.rhizome.graph.markdown;

import org.jspecify.annotations.NullMarked;
