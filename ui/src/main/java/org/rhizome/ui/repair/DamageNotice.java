package org.rhizome.ui.repair;

import java.nio.file.Path;
import java.util.Optional;
import org.rhizome.graph.api.CorruptDatabaseException;

/**
 * What the window says when damage is found while it is open (a note's stored text fails its
 * checksum, a change cannot be read): one plain sentence that the workspace file is damaged, what
 * was found, that nothing more is written to it and what to do — instead of "details are in the
 * log" or the CLI's long message. The check and repair offer itself comes at the next start ({@link
 * WorkspaceRecovery}: the file now carries the damage marker).
 */
public final class DamageNotice {
  private DamageNotice() {}

  /**
   * The sentence for {@code failure} when it (or a cause) is a damaged file; empty for any other
   * failure.
   */
  public static Optional<String> of(Throwable failure, Path file) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CorruptDatabaseException corrupt) {
        return Optional.of(sentence(String.valueOf(corrupt.getMessage()), file));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  static String sentence(String message, Path file) {
    String what = RepairTexts.problem(message);
    // The file is named once, by the workspace's name; the message starts with its path.
    for (String prefix : new String[] {file + ": ", file.toAbsolutePath() + ": "}) {
      if (what.startsWith(prefix)) {
        what = what.substring(prefix.length());
      }
    }
    // A status bar line: no note ids or checksums (the log and `rhizome check` have them).
    what = what.replaceAll(" \\([0-9a-z]{26}\\)", "").replaceAll(" \\(CRC32C [^)]*\\)", "");
    int cut = what.indexOf(" cannot be read: stored text fails its checksum");
    if (cut > 0) {
      what = what.substring(0, cut) + " fails its checksum";
    }
    if (what.endsWith(".")) {
      what = what.substring(0, what.length() - 1);
    }
    // What to do first, so a narrow window that cuts the line keeps it.
    return "the workspace “"
        + RepairTexts.name(file)
        + "” is damaged: restart Rhizome to check and repair it (or run `rhizome repair`);"
        + " nothing more is written to it. Found: "
        + what
        + ".";
  }
}
