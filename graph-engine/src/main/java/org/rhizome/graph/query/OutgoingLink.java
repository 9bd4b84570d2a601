package org.rhizome.graph.query;

import org.jspecify.annotations.Nullable;
import org.rhizome.graph.note.Attachment;

/**
 * A wikilink, embed or Markdown link to a vault file in a note, with what it reaches: a note
 * ({@code resolved}), an attachment ({@code attachment}), or neither (unresolved; {@code file} says
 * whether the target names a file, i.e. a missing attachment rather than a note still to write).
 */
public record OutgoingLink(
    String target,
    @Nullable String heading,
    @Nullable String alias,
    boolean embed,
    int line,
    @Nullable NoteRef resolved,
    @Nullable Attachment attachment,
    boolean file) {

  public OutgoingLink(
      String target,
      @Nullable String heading,
      @Nullable String alias,
      boolean embed,
      int line,
      @Nullable NoteRef resolved) {
    this(target, heading, alias, embed, line, resolved, null, LinkFiles.looksLikeFile(target));
  }

  /** True if the link reaches nothing. */
  public boolean unresolved() {
    return resolved == null && attachment == null;
  }
}
