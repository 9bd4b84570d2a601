package org.rhizome.graph.query;

import java.util.Locale;
import java.util.Set;

/**
 * Which link names name a file rather than a note. A name with an extension other than {@code .md}
 * is looked up among attachments first (as Obsidian matches a link against the full file name
 * before adding {@code .md}); when no attachment has it, a name whose extension is a common file
 * type ({@code photo.png}, {@code paper.pdf}) is a missing attachment, not a note to create — while
 * {@code [[v1.2]]} or {@code [[Dr. No]]} stay note names.
 */
public final class LinkFiles {
  private static final Set<String> FILE_EXTENSIONS =
      Set.of(
          "png",
          "jpg",
          "jpeg",
          "gif",
          "webp",
          "svg",
          "bmp",
          "avif",
          "ico",
          "tif",
          "tiff",
          "heic",
          "pdf",
          "mp3",
          "wav",
          "ogg",
          "m4a",
          "flac",
          "3gp",
          "mp4",
          "webm",
          "mov",
          "mkv",
          "ogv",
          "m4v",
          "txt",
          "csv",
          "json",
          "canvas",
          "html",
          "htm",
          "zip",
          "excalidraw",
          "doc",
          "docx",
          "xls",
          "xlsx",
          "ppt",
          "pptx",
          "odt",
          "ods",
          "odp",
          "epub",
          "rtf");

  private LinkFiles() {}

  /**
   * True if an attachment could have this name key: it has an extension (and {@code .md} is already
   * stripped from keys).
   */
  static boolean mayBeAttachment(String nameKey) {
    int dot = nameKey.lastIndexOf('.');
    return dot >= 0 && dot < nameKey.length() - 1;
  }

  /**
   * True if a link target (as written, a path or a name) ends in a common file extension other than
   * {@code .md}.
   */
  public static boolean looksLikeFile(String target) {
    String t = target.strip();
    int slash = t.lastIndexOf('/');
    String name = slash >= 0 ? t.substring(slash + 1) : t;
    int dot = name.lastIndexOf('.');
    return dot > 0 && FILE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
