package org.rhizome.ui.editor.drop;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Names for stored attachments: Obsidian's "Pasted image …" for screenshots, and " 1", " 2"… before
 * the extension on a clash.
 */
final class AttachmentNames {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  private AttachmentNames() {}

  /** {@code Pasted image 20261207140102.png}, as Obsidian names a pasted screenshot. */
  static String pastedImage(LocalDateTime when) {
    return "Pasted image " + STAMP.format(when) + ".png";
  }

  /**
   * {@code name} if {@code taken} says no, else {@code base 1.ext}, {@code base 2.ext}… (the first
   * free one; {@code taken} compares as the workspace does, ignoring case).
   */
  static String unique(String name, Predicate<String> taken) {
    if (!taken.test(name)) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; ; i++) {
      String candidate = base + " " + i + ext;
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * True for files Obsidian embeds with {@code ![[…]]} (pictures, sound, video, PDF); others get a
   * plain {@code [[…]]}.
   */
  static boolean embeds(String mime) {
    return mime.startsWith("image/")
        || mime.startsWith("audio/")
        || mime.startsWith("video/")
        || mime.equals("application/pdf");
  }
}
