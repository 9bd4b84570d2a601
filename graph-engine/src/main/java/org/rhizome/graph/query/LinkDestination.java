package org.rhizome.graph.query;

import org.rhizome.graph.note.Attachment;

/**
 * What a link written in some note reaches: a note, an attachment, or nothing (a note to write, or
 * a missing file).
 */
public sealed interface LinkDestination {

  record ToNote(NoteRef note) implements LinkDestination {}

  record ToAttachment(Attachment attachment) implements LinkDestination {}

  /**
   * Nothing; {@code file} when the target names a file ({@link LinkFiles#looksLikeFile}), which
   * must not become a note.
   */
  record Missing(String target, boolean file) implements LinkDestination {}
}
