package org.rhizome.graph.note;

import org.rhizome.graph.model.Soul;

/**
 * A file of a vault that is not a note (an image, a PDF, anything): an attachment node whose bytes
 * are kept by content (SHA-256) in the workspace's blob store.
 *
 * @param folder as a note's folder ({@code ""} for the root)
 * @param name the file name with its extension ({@code "photo.png"})
 * @param hash the SHA-256 of the bytes, 64 lower-case hex digits
 * @param mime the media type guessed from the name ({@code application/octet-stream} when unknown)
 */
public record Attachment(
    Soul soul, String folder, String name, long size, String hash, String mime) {

  /** {@code folder/name}, or the name in the root. */
  public String path() {
    return NoteFolders.path(folder, name);
  }
}
