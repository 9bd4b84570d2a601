package org.rhizome.ui.attachments;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens a file with the system's default app. An attachment's bytes live in the workspace, not in a
 * file, so they are first written under a temporary folder of this process with the attachment's
 * own name (the app shows that name, and picks itself by its extension). Blocking: call it off the
 * FX thread.
 */
public class SystemOpener {
  private @org.jspecify.annotations.Nullable Path folder;

  /**
   * Writes {@code bytes} as {@code name} into this process's folder of opened files; returns the
   * file.
   */
  public synchronized Path write(String name, byte[] bytes) throws IOException {
    if (folder == null || !Files.isDirectory(folder)) {
      folder = Files.createTempDirectory("rhizome-open-");
      folder.toFile().deleteOnExit();
    }
    // A fresh sub-folder per file keeps its name and never overwrites a file another app still has
    // open.
    Path dir = Files.createTempDirectory(folder, "a");
    Path file = dir.resolve(safeName(name));
    Files.write(file, bytes);
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return file;
  }

  /**
   * Opens {@code file} with the default app: {@link Desktop} where it can, else the OS's own opener
   * command.
   */
  public void open(Path file) throws IOException {
    if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
      Desktop.getDesktop().open(file.toFile());
      return;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command =
        os.contains("win")
            ? List.of("rundll32", "url.dll,FileProtocolHandler", file.toString())
            : os.contains("mac")
                ? List.of("open", file.toString())
                : List.of("xdg-open", file.toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      // xdg-open returns once the app is started; a non-zero exit means nothing could open the
      // file.
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0) {
        throw new IOException(
            "No app on this system opens "
                + file.getFileName()
                + " ("
                + command.get(0)
                + " exited with "
                + p.exitValue()
                + ").");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A name every file system takes: path separators and control characters become {@code _}. */
  static String safeName(String name) {
    String n = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    return n.isEmpty() || n.equals(".") || n.equals("..") ? "attachment" : n;
  }
}
