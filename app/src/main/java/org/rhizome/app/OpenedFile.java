package org.rhizome.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises a Markdown file handed over by the desktop: "Open with Rhizome" and the installers'
 * {@code .md} association start the launcher with the file as its only argument. That must open the
 * window, not fail as an unknown command. (The window does not show the file itself yet.)
 */
final class OpenedFile {
  private OpenedFile() {}

  /** True if {@code args} is exactly one path to an existing regular file named {@code *.md}. */
  static boolean isOpenedFile(String[] args) {
    if (args.length != 1 || !args[0].toLowerCase(Locale.ROOT).endsWith(".md")) {
      return false;
    }
    try {
      return Files.isRegularFile(Path.of(args[0]));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
