package org.rhizome.ui.editor.drop;

import java.io.IOException;

/**
 * A file or picture was pasted or dropped into a private note. The window stores files as plain
 * attachments, which every member's replica holds and relays in the clear; a private note's files
 * must be sealed under its key ({@code rhizome note attach}), so nothing is stored and the person
 * is told why.
 */
public final class PrivateNoteFilesException extends IOException {
  private static final long serialVersionUID = 1L;

  PrivateNoteFilesException(String title) {
    // One short sentence: the status bar shows a reason only up to 200 characters.
    super(
        "this note is private and a file added here would be readable by every member; attach it"
            + " sealed with: rhizome note attach \""
            + title
            + "\" FILE");
  }
}
