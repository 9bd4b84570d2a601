package org.rhizome.graph.markdown;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code [[wikilink]]} or {@code ![[embed]]} found in a note.
 *
 * <p>Offsets are {@link String} indices (UTF-16) into the parsed input, end exclusive: {@code
 * [start, end)} spans the whole link including {@code !} and the brackets; {@code [targetStart,
 * targetEnd)} spans only the (trimmed) target name, so that {@code input.substring(targetStart,
 * targetEnd).equals(target)}. For a link to a heading of the same note ({@code [[#Heading]]}) the
 * target is empty and {@code targetStart == targetEnd == start of the text inside the brackets}.
 *
 * @param target the note (or file) name, trimmed; empty for a link inside the same note
 * @param heading what follows the first {@code #} (a heading, a sub-heading path such as {@code
 *     H1#H2}, or a block reference such as {@code ^id}), trimmed; null if absent or blank
 * @param alias the display text after {@code |} (or Obsidian's table-escaped {@code \|}), trimmed;
 *     null if absent or blank
 * @param embed true for {@code ![[...]]}
 * @param line 0-based line of {@code start}
 * @param lineText the source line around the link, trimmed, at most {@value
 *     MarkdownParser#MAX_LINE_TEXT} chars (a window around the link when the line is longer)
 * @param markdown true for a Markdown link or image to a file of the vault ({@code
 *     [text](Folder/Note.md)}): its target is the destination's path percent-decoded (so it may
 *     differ from the text at {@code [targetStart, targetEnd)}, the path as written, without its
 *     {@code #fragment}), its heading the fragment, its alias the link text
 */
public record WikiLink(
    String target,
    @Nullable String heading,
    @Nullable String alias,
    boolean embed,
    int start,
    int end,
    int targetStart,
    int targetEnd,
    int line,
    String lineText,
    boolean markdown) {

  public WikiLink {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(lineText, "lineText");
    if (start < 0
        || start > targetStart
        || targetStart > targetEnd
        || targetEnd > end
        || line < 0) {
      throw new IllegalArgumentException(
          "bad offsets: start="
              + start
              + " target="
              + targetStart
              + ".."
              + targetEnd
              + " end="
              + end);
    }
  }
}
