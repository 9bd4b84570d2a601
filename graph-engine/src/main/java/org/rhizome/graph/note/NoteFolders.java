package org.rhizome.graph.note;

import java.text.Normalizer;
import java.util.Locale;
import org.rhizome.graph.api.InvalidTitleException;

/**
 * The rule for a note's folder, its place in a vault: {@code ""} for the root, else names joined by
 * {@code /} ({@code "Projects/2024"}), as a vault's directories are. Folder names keep their
 * spelling (so an export recreates the same directories); they are compared like titles, ignoring
 * case.
 */
public final class NoteFolders {
  public static final int MAX_LENGTH = 1000;
  public static final String ROOT = "";

  private NoteFolders() {}

  /**
   * Returns the folder in its canonical form: separators {@code /}, no leading, trailing or doubled
   * separator. {@code null} or blank is the root.
   *
   * @throws InvalidTitleException naming what is wrong: a {@code .} or {@code ..} segment, a
   *     backslash, a control character, a name that is blank or has leading or trailing spaces, or
   *     too long
   */
  public static String check(String folder) throws InvalidTitleException {
    if (folder == null || folder.isBlank()) {
      return ROOT;
    }
    StringBuilder out = new StringBuilder(folder.length());
    for (String segment : folder.split("/", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.isBlank() || !segment.strip().equals(segment)) {
        throw new InvalidTitleException(
            "A folder name cannot be blank or start or end with spaces: \"" + segment + "\".");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw new InvalidTitleException("A folder cannot contain \".\" or \"..\".");
      }
      for (int i = 0; i < segment.length(); i++) {
        char ch = segment.charAt(i);
        if (ch == '\\' || Character.isISOControl(ch)) {
          throw new InvalidTitleException(
              "A folder name cannot contain backslashes or control characters.");
        }
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(segment);
    }
    if (out.length() > MAX_LENGTH) {
      throw new InvalidTitleException(
          "A folder path can have at most " + MAX_LENGTH + " characters.");
    }
    return out.toString();
  }

  /** How folders compare: NFC, case folded. {@code key("Projects/A")} is {@code "projects/a"}. */
  public static String key(String folder) {
    return Normalizer.normalize(folder, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /** {@code folder/name}, or {@code name} in the root. */
  public static String path(String folder, String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  /** The folder part of a path ({@code "A/B/c.png"} → {@code "A/B"}; {@code "c.png"} → root). */
  public static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? ROOT : path.substring(0, slash);
  }

  /** The last part of a path ({@code "A/B/c.png"} → {@code "c.png"}). */
  public static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
