package org.rhizome.graph.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.note.NoteFolders;

/**
 * Where files pasted or dropped into a note are stored, written as Obsidian's {@code
 * attachmentFolderPath} ({@code .obsidian/app.json}): {@code /} the vault's root, {@code ./} the
 * note's own folder, {@code ./sub} a folder under the note's, anything else that folder from the
 * root. Kept as a local setting of the workspace (taken from the vault's {@code app.json} on
 * import); {@value #DEFAULT} when never set.
 */
public final class AttachmentFolderSetting {
  /** The workspace's local setting that holds it. */
  public static final String SETTING = "attachments.folder";

  public static final String DEFAULT = "Attachments";
  private static final Pattern IN_APP_JSON =
      Pattern.compile("\"attachmentFolderPath\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private AttachmentFolderSetting() {}

  /** The configured value, or {@value #DEFAULT}. */
  public static String of(Workspace ws) throws StoreException {
    return ws.localSetting(SETTING).orElse(DEFAULT);
  }

  /**
   * The folder (as a note's folder: {@code ""} for the root) that a note in {@code noteFolder}
   * stores attachments in.
   */
  public static String folderFor(String setting, String noteFolder) {
    String s = setting.strip().replace('\\', '/');
    if (s.isEmpty() || s.equals("/")) {
      return NoteFolders.ROOT;
    }
    if (s.equals(".") || s.equals("./")) {
      return noteFolder;
    }
    if (s.startsWith("./")) {
      String sub = trim(s.substring(2));
      return noteFolder.isEmpty() ? sub : sub.isEmpty() ? noteFolder : noteFolder + "/" + sub;
    }
    return trim(s);
  }

  /** The {@code attachmentFolderPath} of a vault's {@code .obsidian/app.json}, if it has one. */
  static Optional<String> readFromVault(Path vault) {
    Path appJson = vault.resolve(".obsidian").resolve("app.json");
    try {
      if (!Files.isRegularFile(appJson) || Files.size(appJson) > 1 << 20) {
        return Optional.empty();
      }
      Matcher m = IN_APP_JSON.matcher(Files.readString(appJson, StandardCharsets.UTF_8));
      return m.find()
          ? Optional.of(m.group(1).replace("\\/", "/").replace("\\\\", "\\"))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // an unreadable app.json is not vault content: the default applies
    }
  }

  private static String trim(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
