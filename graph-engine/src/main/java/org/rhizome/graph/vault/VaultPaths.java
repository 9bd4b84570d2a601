package org.rhizome.graph.vault;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.InvalidTitleException;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteTitles;

/** How files of a vault map to notes and attachments, shared by import, export and the mirror. */
final class VaultPaths {
  static final String NOTE_EXTENSION = ".md";

  /** A note's body is a string field: at most this many bytes of UTF-8. */
  static final int MAX_NOTE_BYTES = ValueCodec.MAX_STRING_BYTES;

  private VaultPaths() {}

  /** {@code file}'s path under {@code root} with {@code /} separators. */
  static String relative(Path root, Path file) {
    StringBuilder out = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  /**
   * Hidden files and folders ({@code .obsidian}, {@code .git}, {@code .trash}, our temp files) are
   * not vault content.
   */
  static boolean isHidden(String relative) {
    for (String segment : relative.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static boolean isNoteFile(String name) {
    return name.endsWith(NOTE_EXTENSION) && name.length() > NOTE_EXTENSION.length();
  }

  /**
   * The title a note file gives, or null (with why in {@code why[0]}) when its name cannot be a
   * title as it is.
   */
  static @Nullable String titleOf(String fileName, String[] why) {
    String title = fileName.substring(0, fileName.length() - NOTE_EXTENSION.length());
    try {
      String checked = NoteTitles.check(title);
      if (!checked.equals(title)) {
        why[0] = "its name starts or ends with spaces";
        return null;
      }
      return title;
    } catch (InvalidTitleException e) {
      why[0] = e.getMessage();
      return null;
    }
  }

  /** The folder of a relative path, or null (with why) when a directory name cannot be a folder. */
  static @Nullable String folderOf(String relative, String[] why) {
    String folder = NoteFolders.parentOf(relative);
    try {
      String checked = NoteFolders.check(folder);
      if (!checked.equals(folder)) {
        why[0] = "a folder name cannot be kept as it is";
        return null;
      }
      return folder;
    } catch (InvalidTitleException e) {
      why[0] = e.getMessage();
      return null;
    }
  }

  /** The text of a note file, or null (with why) when it is not UTF-8 or too large to be a note. */
  static @Nullable String textOf(byte[] bytes, String[] why) {
    if (bytes.length > MAX_NOTE_BYTES) {
      why[0] = "it is larger than a note can be (" + MAX_NOTE_BYTES / (1 << 20) + " MiB)";
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      why[0] = "it is not UTF-8 text";
      return null;
    }
  }
}
