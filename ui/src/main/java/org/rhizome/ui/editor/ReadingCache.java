package org.rhizome.ui.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.files.AtomicFile;
import org.rhizome.graph.note.Attachment;
import org.rhizome.ui.render.PageAssets;

/**
 * The reading view's files on disk, in one temporary folder for the app's run (removed when it
 * exits): the bundled scripts (copied once), attachments by content hash, and the pages themselves.
 *
 * <p>Why files rather than {@code data:} URIs or a URL handler: WebView loads {@code file:} pages
 * and their relative images, fonts, audio and video with no network and no global {@code
 * URL.setURLStreamHandlerFactory} (which can be set only once per JVM); a 20 MB video or a big
 * photo as base64 inside the page would triple its size and slow every render, while a file named
 * by its SHA-256 is written once and never changes. Background threads only.
 */
final class ReadingCache {
  private static volatile ReadingCache shared;

  private final Path dir;
  private final AtomicLong pages = new AtomicLong();
  private volatile boolean assetsCopied;

  private ReadingCache(Path dir) {
    this.dir = dir;
  }

  /** The one cache of this run, made on first use. */
  static ReadingCache get() {
    ReadingCache c = shared;
    if (c == null) {
      synchronized (ReadingCache.class) {
        c = shared;
        if (c == null) {
          try {
            Path dir = Files.createTempDirectory("rhizome-reading");
            Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> deleteTree(dir), "rhizome-reading-cleanup"));
            c = shared = new ReadingCache(dir);
          } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for the reading view", e);
          }
        }
      }
    }
    return c;
  }

  Path dir() {
    return dir;
  }

  /** The folder's address, ending in {@code /}, with the assets copied there. */
  String base() throws IOException {
    if (!assetsCopied) {
      synchronized (this) {
        if (!assetsCopied) {
          PageAssets.copyTo(dir);
          assetsCopied = true;
        }
      }
    }
    return dir.toUri().toString();
  }

  /**
   * The address of an attachment's bytes (written on first use), or null when this replica lacks
   * them.
   */
  String attachment(Attachment a, Workspace workspace) throws StoreException {
    String name = a.name();
    int dot = name.lastIndexOf('.');
    String ext =
        dot >= 0 ? name.substring(dot).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "") : "";
    Path file = dir.resolve("files").resolve(a.hash() + ext);
    if (!Files.isRegularFile(file)) {
      var bytes = workspace.attachmentBytes(a);
      if (bytes.isEmpty()) {
        return null;
      }
      try {
        // A cache, rebuilt from the workspace when lost: whole, but not worth an fsync.
        AtomicFile.replace(file, bytes.get(), AtomicFile.Durability.FLUSHED);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not write the attachment \"" + a.path() + "\" for the reading view", e);
      }
    }
    return file.toUri().toString();
  }

  /** Writes a page; returns its file (the caller deletes it when a newer one is shown). */
  Path writePage(String html) throws IOException {
    Path file = dir.resolve("page-" + pages.incrementAndGet() + ".html");
    Files.writeString(file, html);
    return file;
  }

  /** Deletes a page that is no longer shown (a temp file: the folder goes at exit anyway). */
  static void deleteQuietly(Path page) {
    try {
      Files.deleteIfExists(page);
    } catch (IOException e) {
      // The folder goes at exit.
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at exit: the system cleans its temp folder.
    }
  }
}
