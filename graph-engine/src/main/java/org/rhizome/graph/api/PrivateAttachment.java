package org.rhizome.graph.api;

/**
 * A file attached to a private note (decision 0008): named on the note itself, so only its readers
 * know it is there; its bytes rest and travel sealed under the note's key, in the blob named by
 * {@code hash} (the SHA-256 of the sealed bytes).
 *
 * @param name the file's name (e.g. {@code plan.pdf})
 * @param hash hex SHA-256 of the sealed blob
 * @param size the file's own size in bytes
 * @param mime its media type
 */
public record PrivateAttachment(String name, String hash, long size, String mime) {
  /** The note field that names it. */
  public static final String FIELD_PREFIX = "attachment.";

  /** The field's value: hash, size and media type, space-separated. */
  public String fieldValue() {
    return hash + " " + size + " " + mime;
  }

  /** Reads a field of a private note; null when it is not an attachment's. */
  public static PrivateAttachment parse(String field, String value) {
    if (!field.startsWith(FIELD_PREFIX) || value == null) {
      return null;
    }
    String[] parts = value.split(" ", 3);
    if (parts.length != 3 || parts[0].length() != 64) {
      return null;
    }
    try {
      return new PrivateAttachment(
          field.substring(FIELD_PREFIX.length()), parts[0], Long.parseLong(parts[1]), parts[2]);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
