package org.rhizome.graph.note;

import java.util.Locale;
import java.util.Map;
import org.rhizome.graph.api.InvalidTitleException;

/** The fields of an attachment node, and the rule for attachment names. */
public final class AttachmentFields {
  public static final String TYPE = NoteFields.TYPE;
  public static final String ATTACHMENT_TYPE = "attachment";
  public static final String FOLDER = NoteFields.FOLDER;
  public static final String NAME = "name";
  public static final String SIZE = "size";
  public static final String HASH = "hash";
  public static final String MIME = "mime";
  public static final String DELETED = NoteFields.DELETED;
  public static final int MAX_NAME_LENGTH = 255;

  private static final Map<String, String> MIME_BY_EXTENSION =
      Map.ofEntries(
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("avif", "image/avif"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("wav", "audio/wav"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("txt", "text/plain"),
          Map.entry("md", "text/markdown"),
          Map.entry("csv", "text/csv"),
          Map.entry("json", "application/json"),
          Map.entry("canvas", "application/json"),
          Map.entry("html", "text/html"),
          Map.entry("zip", "application/zip"));

  private AttachmentFields() {}

  /**
   * Returns the name if a file can have it in a vault: 1..255 characters, no {@code /}, backslash
   * or control character, not {@code .} or {@code ..}.
   */
  public static String checkName(String name) throws InvalidTitleException {
    if (name.isEmpty()
        || name.length() > MAX_NAME_LENGTH
        || name.equals(".")
        || name.equals("..")) {
      throw new InvalidTitleException("\"" + name + "\" cannot be a file name.");
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '/' || ch == '\\' || Character.isISOControl(ch)) {
        throw new InvalidTitleException(
            "A file name cannot contain '/', backslashes or control characters.");
      }
    }
    return name;
  }

  /** The media type for a file name, from its extension. */
  public static String mimeOf(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MIME_BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
  }
}
